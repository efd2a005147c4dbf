// Where the integration tests find MariaDB and Redis: MYSQL_URL / REDIS_URL when set, else the local services.
export const TEST_MYSQL_URL = process.env.MYSQL_URL || 'mysql://root:@127.0.0.1:3306/test';
export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
