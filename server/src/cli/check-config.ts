// `npm start` runs this first, so a bad production config is refused before any slow build step.
import { ConfigError, loadConfig } from '../config';

try {
  const c = loadConfig();
  console.log(`[linli] config ok (${c.env}${c.sandbox ? ', sandbox' : ''})`);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
