// What the fuzzer does to an operation's parameters and headers: non-canonical and hostile path parameters, bad
// query parameters, missing and wrong sessions. (Bodies: mutations.ts.)
import type { FuzzCase } from './mutations';
import type { Operation } from './openapi';
import { lowerBound, typesOf, upperBound } from './schema';

/** Path parameter values: non-canonical spellings of a good id, and hostile ones. */
export function pathMutations(op: Operation, good: Record<string, string>, strictOk: boolean): FuzzCase[] {
  const out: FuzzCase[] = [];
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const v = good[p.name] ?? '1';
    const types = typesOf(p.schema);
    const values: [string, string, boolean][] = [];
    if (types.includes('integer') || types.includes('number')) {
      // ids are digits only: every other spelling of a good id is refused, never read as that id
      for (const [label, raw] of [
        ['+id', `%2B${v}`],
        ['id.0', `${v}.0`],
        ['id e0', `${v}e0`],
        ['space id', `%20${v}`],
        ['id space', `${v}%20`],
        ['hex', `0x${Number(v).toString(16)}`],
        ['id with a suffix', `${v}abc`],
        [
          'full-width digits',
          encodeURIComponent(String(v).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
        ],
        ['-1', '-1'],
        ['0', '0'],
        ['abc', 'abc'],
        ['1.5', '1.5'],
        ['2^31', String(2 ** 31)],
        ['2^32', String(2 ** 32)],
        ['20 digits', '99999999999999999999'],
        ['400 digits', '9'.repeat(400)],
        ['NUL', `${v}%00`],
        ['SQL', `${v}%20OR%201%3D1`],
      ] as const)
        values.push([label, raw, strictOk]);
      values.push(['leading zero', `0${v}`, false]);
    } else {
      const pattern = p.schema.pattern ? new RegExp(p.schema.pattern) : undefined;
      const bad = (s: string) => strictOk && !!pattern && !pattern.test(s);
      for (const [label, s] of [
        ['empty-ish', '%20'],
        ['punctuation', `${v}!`],
        ['lower case', v.toLowerCase()],
        ['5000 characters', 'a'.repeat(5000)],
        ['odd Unicode', encodeURIComponent('团😀\u202e')],
        ['NUL', `${v}%00`],
        ['encoded slash', `${v}%2Fx`],
        ['SQL', `${v}'%20OR%20'1'%3D'1`],
      ] as const)
        values.push([label, s, bad(decodeURIComponent(s))]);
    }
    for (const [label, raw, strict] of values)
      out.push({ label: `path ${p.name}: ${label}`, strict, pathValues: { ...good, [p.name]: raw } });
  }
  return out;
}

/** Query parameters out of type, bounds, enum and length, repeated, and unknown. */
export function queryMutations(op: Operation, good: [string, string][], strictOk: boolean): FuzzCase[] {
  const out: FuzzCase[] = [];
  const without = (name: string) => good.filter(([k]) => k !== name);
  for (const p of op.params.filter((x) => x.in === 'query')) {
    const s = p.schema;
    const types = typesOf(s);
    const cases: [string, string, boolean][] = [];
    if (types.includes('integer') || types.includes('number')) {
      const lo = lowerBound(s);
      const hi = upperBound(s);
      cases.push(['abc', 'abc', true], ['1.5', '1.5', types.includes('integer')], ['1e3', '1e3', false]);
      if (lo !== undefined) cases.push([`minimum - 1`, String(Math.ceil(lo) - 1), true]);
      if (hi !== undefined) cases.push([`maximum + 1`, String(Math.floor(hi) + 1), true]);
      cases.push(['20 digits', '99999999999999999999', hi !== undefined], ['-1', '-1', lo !== undefined && lo > -1]);
    }
    if (types.includes('boolean')) cases.push(['yes', 'yes', true]);
    if (s.enum) cases.push(['outside the enum', '__not_in_enum__', true]);
    if (types.includes('string') && !s.enum) {
      if (s.maxLength !== undefined) cases.push(['maxLength + 1', 'a'.repeat(s.maxLength + 1), true]);
      cases.push(['5000 characters', 'x'.repeat(5000), s.maxLength !== undefined && s.maxLength < 5000]);
      cases.push(['odd Unicode', 'fuzz\u0000\u202e😀%_\'"', false]);
      if (s.pattern && !new RegExp(s.pattern).test('fuzz!')) cases.push(['not matching the pattern', 'fuzz!', true]);
    }
    cases.push(['empty', '', false]);
    for (const [label, value, strict] of cases)
      out.push({
        label: `query ${p.name}: ${label}`,
        strict: strictOk && strict,
        query: [...without(p.name), [p.name, value]],
      });
    out.push({
      label: `query ${p.name}: repeated`,
      strict: strictOk && !types.includes('array'),
      query: [...without(p.name), [p.name, good.find(([k]) => k === p.name)?.[1] ?? '1'], [p.name, '2']],
    });
  }
  if (op.params.some((x) => x.in === 'query'))
    out.push({ label: 'query: an unknown parameter', strict: false, query: [...good, ['fuzzUnknown', '1']] });
  return out;
}

/** Sessions: none, garbage, or the other kind (a consumer on an operator route and the reverse). */
export function authMutations(op: Operation): FuzzCase[] {
  if (!op.secured) return [{ label: 'a garbage bearer token on a public route', strict: false, auth: 'garbage' }];
  return [
    { label: 'no session', strict: true, auth: 'none' },
    { label: 'a garbage bearer token', strict: true, auth: 'garbage' },
    { label: 'a session of the other kind', strict: true, auth: 'other-kind' },
  ];
}

/** Request headers a client could get wrong. */
export function headerMutations(op: Operation): FuzzCase[] {
  if (op.method === 'GET' || op.method === 'DELETE') return [];
  return [
    { label: 'Idempotency-Key of 300 characters', strict: false, headers: { 'idempotency-key': 'k'.repeat(300) } },
    { label: 'Idempotency-Key with odd characters', strict: false, headers: { 'idempotency-key': 'ké\u00ff' } },
    { label: 'Accept: text/html', strict: false, headers: { accept: 'text/html' } },
  ];
}
