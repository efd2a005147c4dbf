// The OpenAPI document of the app as composed, built synchronously without services (the embedded runtime's
// SQLite and Redis stand-in are never touched: nothing is queried), so a test can list the operations when jest
// collects it, before any `beforeAll` runs. The fuzz checks it equals what the booted server serves.
import { scratchApp } from '../scratch-app';

export function openapiDocument(): unknown {
  const scratch = scratchApp();
  try {
    return scratch.built.openapi();
  } finally {
    void scratch.close();
  }
}
