// Integration and browser tests need real MariaDB and Redis: when either is unreachable the run fails here with
// a clear message, never skips.
import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import { TEST_MYSQL_URL, TEST_REDIS_URL } from './services';

export default async function requireServices(): Promise<void> {
  const problems: string[] = [];
  try {
    const conn = await mysql.createConnection({ uri: TEST_MYSQL_URL, connectTimeout: 5000 });
    await conn.query('SELECT 1');
    await conn.end();
  } catch (e) {
    problems.push(`MariaDB/MySQL at ${TEST_MYSQL_URL} is unreachable (${(e as Error).message}).`);
  }
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 5000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    problems.push(`Redis at ${TEST_REDIS_URL} is unreachable (${(e as Error).message}).`);
  } finally {
    redis.disconnect();
  }
  if (problems.length) {
    throw new Error(
      `\n\nThe integration tests need real services and will not skip:\n  ${problems.join('\n  ')}\n` +
        'Start them (see README "Tests"), or point MYSQL_URL / REDIS_URL at running ones.\n',
    );
  }
}
