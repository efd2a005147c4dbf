// Error codes are declared once (kernel/errors.ts `defineErrors`): every module has an errors.ts exported from its
// index; every code is UPPER_SNAKE and owned by one module (or the platform / the HTTP layer); each lifecycle's
// code is declared by its module; no module throws a code it did not declare (no string-literal codes left in
// modules/ or flows/), and the codes platform/ and http/ still throw with the kernel helpers are declared too.
import fs from 'node:fs';
import path from 'node:path';
import {
  AppError,
  declaredErrors,
  defineErrors,
  ERROR_CODE,
  ERROR_STATUS,
  PlatformErrors,
  type ErrorKind,
  type ErrorSpec,
} from '../../src/kernel/errors';
import { HttpErrors, toErrorResponse } from '../../src/http/error-handler';
import type { Lifecycle } from '../../src/kernel/lifecycle';

const SRC = path.resolve(__dirname, '../../src');
const MODULES_DIR = path.join(SRC, 'modules');
const MODULE_NAMES = fs
  .readdirSync(MODULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface DeclaredSet {
  owner: string;
  specs: readonly ErrorSpec[];
}
const isDeclaredSet = (v: unknown): v is DeclaredSet =>
  typeof v === 'object' && v !== null && typeof (v as DeclaredSet).owner === 'string' && 'specs' in v;

/** Loads a source file by path: modules are found by listing their folder, so a new one cannot be left out. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (file: string) => require(file) as Record<string, unknown>;

// each module's public surface (index) and its errors.ts, loaded as the app loads them
const modules = MODULE_NAMES.map((name) => ({
  name,
  index: load(path.join(MODULES_DIR, name)),
  errorsFile: path.join(MODULES_DIR, name, 'errors.ts'),
}));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const rel = (file: string) => path.relative(SRC, file);

it('gives every module one errors.ts, declared under the module’s name and exported from its index', () => {
  expect(MODULE_NAMES.length).toBeGreaterThanOrEqual(10);
  for (const m of modules) {
    expect({ module: m.name, errorsTs: fs.existsSync(m.errorsFile) }).toEqual({ module: m.name, errorsTs: true });
    const own = Object.values(load(m.errorsFile)).filter(isDeclaredSet);
    expect({ module: m.name, declarations: own.map((s) => s.owner) }).toEqual({
      module: m.name,
      declarations: [m.name],
    });
    const exported = Object.values(m.index).filter(isDeclaredSet);
    expect({ module: m.name, exportedFromIndex: exported.includes(own[0]!) }).toEqual({
      module: m.name,
      exportedFromIndex: true,
    });
  }
});

it('declares every code UPPER_SNAKE, owned by one module (or platform / http), its status from its kind', () => {
  const owners = new Set([...MODULE_NAMES, 'platform', 'http']);
  const codes = [...declaredErrors().entries()];
  expect(codes.length).toBeGreaterThan(80);
  for (const [code, { owner, specs }] of codes) {
    expect({ code, upperSnake: ERROR_CODE.test(code) }).toEqual({ code, upperSnake: true });
    expect({ code, owner, known: owners.has(owner) }).toEqual({ code, owner, known: true });
    for (const s of specs) {
      expect({ code, owner: s.owner, status: s.status }).toEqual({ code, owner, status: ERROR_STATUS[s.kind] });
      expect(s.message).toEqual(expect.stringMatching(/\S/));
    }
    expect(new Set(specs.map((s) => s.kind)).size).toBe(specs.length);
  }
  // One code answered with two kinds is a legacy exception (declared as an alias in its owner), never a habit:
  // the catalog's CATEGORY_NOT_FOUND is 404 for the category in the path, 400 for one named in a body.
  const multiKind = codes
    .filter(([, e]) => e.specs.length > 1)
    .map(([code, e]) => [code, e.specs.map((s) => s.status)]);
  expect(multiKind).toEqual([['CATEGORY_NOT_FOUND', [404, 400]]]);
  // the generic codes the brief names are declared by the platform
  for (const code of [
    'VALIDATION_FAILED',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'RATE_LIMITED',
    'NOT_FOUND',
    'BAD_REQUEST',
    'IDEMPOTENCY_KEY_INVALID',
  ])
    expect({ code, owner: declaredErrors().get(code)?.owner }).toEqual({ code, owner: 'platform' });
});

it('refuses, at declaration, a code another owner declared, a code that is not UPPER_SNAKE, an alias to nothing', () => {
  expect(() => defineErrors('test-thief', { ORDER_NOT_FOUND: { kind: 'not_found', message: 'x' } })).toThrow(
    /ORDER_NOT_FOUND is declared by both order and test-thief/,
  );
  expect(() => defineErrors('test-case', { orderMissing: { kind: 'not_found', message: 'x' } })).toThrow(
    /not UPPER_SNAKE/,
  );
  expect(() =>
    defineErrors('test-alias', { TEST_ALIAS: { code: 'TEST_NOWHERE', kind: 'invalid', message: 'x' } }),
  ).toThrow(/TEST_NOWHERE, which test-alias does not declare/);
});

it('makes the AppError its declaration says; a throw site may add details and a precise message', () => {
  const { OrderErrors } = modules.find((m) => m.name === 'order')!.index as {
    OrderErrors: typeof import('../../src/modules/order').OrderErrors;
  };
  const plain = OrderErrors.ORDER_NOT_FOUND();
  expect(plain).toBeInstanceOf(AppError);
  expect(plain).toMatchObject({ kind: 'not_found', code: 'ORDER_NOT_FOUND', message: '订单不存在' });
  expect(toErrorResponse(plain)).toEqual({
    status: 404,
    body: { error: { code: 'ORDER_NOT_FOUND', message: '订单不存在' } },
  });
  const precise = OrderErrors.ORDER_STATE_INVALID({ status: 'shipped' }, '只有待发货的订单可以发货');
  expect(toErrorResponse(precise)).toEqual({
    status: 409,
    body: {
      error: { code: 'ORDER_STATE_INVALID', message: '只有待发货的订单可以发货', details: { status: 'shipped' } },
    },
  });
  expect(OrderErrors.ORDER_STATE_INVALID.is(precise)).toBe(true);
  expect(OrderErrors.ORDER_NOT_FOUND.is(precise)).toBe(false);
  expect(OrderErrors.specs.map((s) => s.code)).toContain('PRICING_FAILED');
  expect(Object.keys(OrderErrors)).not.toContain('specs');
  // the handler maps every kind through the kernel's one table
  for (const kind of Object.keys(ERROR_STATUS) as ErrorKind[])
    expect(toErrorResponse(new AppError(kind, 'TEST_KIND', 'm'))?.status).toBe(ERROR_STATUS[kind]);
  expect(toErrorResponse(PlatformErrors.RATE_LIMITED({ retryAfterSec: 3 }))?.status).toBe(429);
  expect(toErrorResponse(HttpErrors.UNSUPPORTED_MEDIA_TYPE())?.status).toBe(415);
});

it('takes each lifecycle’s code from its own module’s declarations, as a conflict', () => {
  const found: string[] = [];
  for (const m of modules) {
    for (const [name, value] of Object.entries(m.index)) {
      const l = value as Partial<Lifecycle<string>> | undefined;
      if (!l || typeof l !== 'object' || typeof l.errorCode !== 'string' || !l.transitions) continue;
      found.push(name);
      const declared = declaredErrors().get(l.errorCode);
      expect({ lifecycle: name, owner: declared?.owner, kinds: declared?.specs.map((s) => s.kind) }).toEqual({
        lifecycle: name,
        owner: m.name,
        kinds: ['conflict'], // kernel/lifecycle.ts throws conflict(errorCode)
      });
    }
  }
  expect(found.sort()).toEqual([
    'AFTER_SALE_LIFECYCLE',
    'GROUP_LIFECYCLE',
    'MEMBER_LIFECYCLE',
    'ORDER_LIFECYCLE',
    'PAYMENT_LIFECYCLE',
    'PURCHASE_LIFECYCLE',
    'REFUND_LIFECYCLE',
    'USER_COUPON_LIFECYCLE',
  ]);
});

const HELPERS = ['invalid', 'conflict', 'notFound', 'forbidden', 'unauthenticated', 'tooLarge', 'unavailable'];

it('leaves no module or flow throwing a code it did not declare (no string-literal codes)', () => {
  const files = [...sourceFiles(MODULES_DIR), ...sourceFiles(path.join(SRC, 'flows'))];
  const problems: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (/new AppError\(/.test(text)) problems.push(`${rel(file)}: new AppError(…)`);
    for (const m of text.matchAll(/\b(\w+)\(\s*['"`][A-Z][A-Z0-9_]*['"`]/g))
      if (HELPERS.includes(m[1]!)) problems.push(`${rel(file)}: ${m[0]}`);
    // from kernel/errors a module takes `defineErrors`, the platform's declared codes and types, nothing else
    for (const m of text.matchAll(/import\s*(type\s*)?\{([^}]*)\}\s*from\s*'(?:\.\.\/)+kernel\/errors'/g)) {
      if (m[1]) continue;
      const names = m[2]!
        .split(',')
        .map((n) =>
          n
            .trim()
            .replace(/^type\s+/, '')
            .replace(/\s+as\s+\w+$/, ''),
        )
        .filter(Boolean);
      for (const n of names)
        if (!['defineErrors', 'PlatformErrors', 'ErrorSpec', 'ErrorFactory', 'AppError'].includes(n))
          problems.push(`${rel(file)}: imports ${n} from kernel/errors`);
    }
  }
  expect(problems).toEqual([]);
});

/** The text of the call that starts at `open` (the index of its opening parenthesis). */
function callText(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

it('platform/ and http/ throw declared errors too: no code string passes through the kernel helpers', () => {
  const outside = sourceFiles(SRC).filter(
    (f) => !f.startsWith(MODULES_DIR) && !rel(f).startsWith('flows') && rel(f) !== path.join('kernel', 'errors.ts'),
  );
  const problems: string[] = [];
  for (const file of outside) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /\b(new AppError|invalid|conflict|notFound|forbidden|unauthenticated|tooLarge|unavailable)\(/g,
    )) {
      const call = callText(text, m.index! + m[0].length - 1);
      const codes = [...call.matchAll(/'([A-Za-z_]+)'/g)].map((x) => x[1]!).filter((l) => ERROR_CODE.test(l));
      if (codes.length)
        problems.push(`${rel(file)}: throws ${codes.join(', ')} as a string; declare it and throw that`);
    }
  }
  expect(problems).toEqual([]);
});
