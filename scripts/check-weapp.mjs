#!/usr/bin/env node
// WeChat's code-quality scan (the one in WeChat devtools) on the weapp build, offline, through miniprogram-ci:
// the package sizes, minification, lazy code loading and unused files, judged on the root project.config.json.
// The scan needs an appid and a private key file to build its Project, but never reads the key nor calls WeChat:
// a throwaway RSA key generated here does. Prints each check; exits 1 if one fails, 2 if there is no build.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ci from 'miniprogram-ci';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const projectConfig = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'));
const appJson = path.join(root, projectConfig.miniprogramRoot, 'app.json');
if (!fs.existsSync(appJson)) {
  console.error(`No weapp build at ${projectConfig.miniprogramRoot}: run npm run build:weapp -w miniapp first.`);
  process.exit(2);
}

const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-weapp-key-'));
try {
  const privateKeyPath = path.join(keyDir, 'private.key');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });

  const project = new ci.Project({
    appid: projectConfig.appid,
    type: 'miniProgram',
    projectPath: root,
    privateKeyPath,
    ignores: ['node_modules/**/*'],
  });
  const results = await ci.checkCodeQuality(project);
  if (results.length === 0) throw new Error('the quality scan returned no checks');

  for (const check of results) {
    // `text` describes the failure ("JS compression is not turned on"), so it is shown only for a failed check
    console.log(check.success ? `PASS  ${check.name}` : `FAIL  ${check.name.padEnd(30)} ${check.text}`);
    if (!check.success && check.detail && Object.keys(check.detail).length > 0) {
      console.log(`      ${JSON.stringify(check.detail)}`);
    }
  }
  const sizes = results.find((c) => c.name === 'PACKAGE_SIZE_LIMIT')?.detail;
  if (sizes) {
    // bytes per package; __APP__ is the main package
    const kb = Object.entries(sizes).map(([pkg, bytes]) => `${pkg} ${(Number(bytes) / 1024).toFixed(0)} KB`);
    console.log(`package sizes: ${kb.join(', ')}`);
  }
  const failed = results.filter((c) => !c.success);
  console.log(`${results.length - failed.length}/${results.length} checks pass`);
  process.exitCode = failed.length > 0 ? 1 : 0;
} finally {
  fs.rmSync(keyDir, { recursive: true, force: true });
}
// miniprogram-ci leaves a file watcher running: without this the process never ends.
process.exit();
