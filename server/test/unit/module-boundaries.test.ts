// The module kit's seals are a lint rule (scripts/eslint/module-boundaries.mjs): `npm run lint` fails on a
// cross-module import of internals and on platform/ importing upward. Run through the real ESLint CLI and config.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

function lint(filename: string, code: string): { status: number | null; out: string } {
  const r = spawnSync(path.join(root, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', filename], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

it.each([
  [
    'another module’s application file',
    'server/src/modules/order/application/x.ts',
    "import { seatQuotas } from '../../groupbuy/application/members';\nexport const x = seatQuotas;\n",
    /inside module 'groupbuy'/,
  ],
  [
    'another module’s models, from its index file',
    'server/src/modules/cart/index.ts',
    "import { defineOrderModels } from '../order/persistence/models';\nexport const x = defineOrderModels;\n",
    /inside module 'order'/,
  ],
  [
    'platform/ importing a module',
    'server/src/platform/db/x.ts',
    "import { orderModule } from '../../modules/order';\nexport const x = orderModule;\n",
    /'platform\/' must not import/,
  ],
  [
    'platform/ importing http/',
    'server/src/platform/x.ts',
    "import { operatorOf } from '../http/operator';\nexport const x = operatorOf;\n",
    /'platform\/' must not import/,
  ],
  [
    'kit/ importing a module',
    'server/src/kit/x.ts',
    "import { orderModule } from '../modules/order';\nexport const x = orderModule;\n",
    /'kit\/' must not import/,
  ],
])('refuses %s', (_what, filename, code, message) => {
  const r = lint(filename, code);
  expect(r.out).toMatch(message);
  expect(r.status).toBe(1);
});

it('allows a module’s public surface and its own internals', () => {
  const r = lint(
    'server/src/modules/groupbuy/application/x.ts',
    "import type { OrderApi } from '../../order';\nimport { seatQuotas } from './members';\nexport type X = OrderApi;\nexport const y = seatQuotas;\n",
  );
  expect(r.out).not.toMatch(/module-boundaries/);
  expect(r.status).toBe(0);
});
