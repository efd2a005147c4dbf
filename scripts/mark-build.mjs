#!/usr/bin/env node
// Run after a front-end build: records in `<dist>/build-mode.json` the mode it was built in (the shell's NODE_ENV,
// or production, which Taro and Vite default to). `npm start` rebuilds any build whose recorded mode is not
// production, so a bundle built in a development shell is never served as the shop.
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2];
if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`mark-build: no build at ${dist ?? '(no directory given)'}`);
  process.exit(1);
}
const mode = process.env.NODE_ENV || 'production';
fs.writeFileSync(
  path.join(dist, 'build-mode.json'),
  `${JSON.stringify({ mode, builtAt: new Date().toISOString() })}\n`,
);
