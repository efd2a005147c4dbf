// One jest run, four projects: unit (pure rules, no services), integration (real MariaDB + Redis, each file on its
// own fresh database), embedded (the same app on SQLite + the in-process Redis stand-in) and browser (headless
// Chromium against the built H5 shop and admin on MariaDB + Redis).
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const base = { transform, testEnvironment: 'node', rootDir: __dirname };
const services = { globalSetup: '<rootDir>/server/test/support/require-services.ts' };

module.exports = {
  // No forceExit: a run that does not end on its own has left something open (a client, a timer), and that is a
  // bug to find (run a file alone with `--detectOpenHandles`, or bisect the files as in issue 22).
  // A global option: Jest ignores testTimeout inside a project (measured: a 6 s test failed at 5 s in every
  // project), and on a loaded CI machine starting a test server in a beforeAll can take longer than 5 s.
  // Browser tests raise it further with jest.setTimeout.
  testTimeout: 60_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      // the mini-program's alias for the shared display module (miniapp/tsconfig.json)
      moduleNameMapper: { '^@display$': '<rootDir>/server/src/contracts/display/index.ts' },
      testMatch: ['<rootDir>/server/test/unit/**/*.test.ts', '<rootDir>/miniapp/test/**/*.test.ts'],
    },
    {
      ...base,
      ...services,
      displayName: 'integration',
      testMatch: ['<rootDir>/server/test/integration/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'embedded',
      testMatch: ['<rootDir>/server/test/embedded/**/*.test.ts'],
    },
    {
      ...base,
      ...services,
      displayName: 'browser',
      testMatch: ['<rootDir>/server/test/browser/**/*.test.ts'],
    },
  ],
};
