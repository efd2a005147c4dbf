// The app as composed, built on a throwaway embedded runtime that is never queried (no migrations, no server):
// what tests that read the route declarations or the OpenAPI document need, synchronously.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type BuiltApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createRuntime, type Runtime } from '../../src/platform/runtime';
import { TEST_ADMIN } from './harness';

export function scratchApp(): { rt: Runtime; built: BuiltApp; close(): Promise<void> } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-scratch-'));
  const rt = createRuntime(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATA_DIR: dataDir,
      SANDBOX: '1',
      SCHEDULER: '0',
      LOG_LEVEL: 'silent',
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
    }),
  );
  return {
    rt,
    built: buildApp(rt),
    close: () => rt.close().finally(() => fs.rmSync(dataDir, { recursive: true, force: true })),
  };
}
