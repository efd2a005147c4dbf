// What the fuzzer does to a valid request, from the operation's schemas alone: wrong JSON types, bounds ±1,
// oversized strings and arrays, duplicate array items, missing and unknown properties, enum and pattern misses,
// odd Unicode; malformed JSON, wrong content types, oversized bodies; non-canonical and hostile path parameters;
// bad query parameters; missing and wrong sessions; identical requests at once. A case is `strict` when the input
// breaks the documented schema, so the answer must be a 4xx (any answer must not be a 5xx).
import type { JsonSchema, Operation } from './openapi';
import { lowerBound, typesOf, upperBound } from './schema';

export type BodyInput =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType?: string }
  | { kind: 'multipart'; parts: { name: string; value: string | Blob; filename?: string }[] };

export interface FuzzCase {
  label: string;
  /** the input breaks the document: a 4xx is the only right answer */
  strict: boolean;
  /** replaces path parameter values (raw, already URL-encoded as wanted) */
  pathValues?: Record<string, string>;
  /** replaces the query string (pairs, encoded by the runner) */
  query?: [string, string][];
  body?: BodyInput;
  auth?: 'none' | 'garbage' | 'other-kind';
  headers?: Record<string, string>;
  /** send this many identical requests at once */
  times?: number;
}

type Path = (string | number)[];

export interface ValueMutation {
  label: string;
  value: unknown;
  strict: boolean;
}

const HUGE_STRING = 100_000;
const HUGE_ARRAY = 5_000;
const ODD_UNICODE = 'fuzz\u0000\u202e\ud800😀<script>alert(1)</script>\'"; --';

/** What to put instead of a valid `value` of `schema`. */
export function valueMutations(schema: JsonSchema, value: unknown, strictOk: boolean): ValueMutation[] {
  const types = typesOf(schema);
  if (!types.length) return [];
  const strict = (label: string, v: unknown): ValueMutation => ({ label, value: v, strict: strictOk });
  const loose = (label: string, v: unknown): ValueMutation => ({ label, value: v, strict: false });
  const out: ValueMutation[] = [];
  const has = (t: string) => types.includes(t) || (t === 'number' && types.includes('integer'));

  // wrong JSON types
  if (!has('null')) out.push(strict('null', null));
  if (!has('string') && !schema.enum) out.push(strict('a string', '12'));
  if (!has('number') && !has('boolean') && !schema.enum) out.push(strict('a number', 12345));
  if ((has('string') || has('number')) && !has('boolean')) out.push(strict('a boolean', true));
  if (has('array')) out.push(strict('an object for an array', { 0: 'x' }));
  if (has('object')) out.push(strict('an array for an object', []));

  if (schema.enum) out.push(strict('a value outside the enum', '__not_in_enum__'));

  if (has('number') && !schema.enum) {
    const integer = types.includes('integer') && !types.includes('number');
    const lo = lowerBound(schema);
    const hi = upperBound(schema);
    if (lo !== undefined) out.push(strict(`below the minimum (${lo} - 1)`, integer ? Math.ceil(lo) - 1 : lo - 1));
    else out.push(loose('negative', -1));
    if (hi !== undefined) out.push(strict(`above the maximum (${hi} + 1)`, integer ? Math.floor(hi) + 1 : hi + 1));
    if (hi === undefined || hi >= 2 ** 31) {
      out.push(mayBe(hi, 2 ** 31, 'INT max + 1 (2^31)', strictOk));
      out.push(mayBe(hi, 2 ** 32, 'UNSIGNED INT max + 1 (2^32)', strictOk));
      out.push(mayBe(hi, 2 ** 53 + 2, 'beyond 2^53', strictOk));
      out.push(mayBe(hi, 1e300, '1e300', strictOk));
    }
    if (integer) out.push(strict('a fraction', 1.5));
  }

  if (has('string') && !schema.enum) {
    if (schema.maxLength !== undefined)
      out.push(strict(`maxLength + 1 (${schema.maxLength + 1})`, 'a'.repeat(schema.maxLength + 1)));
    if (schema.minLength) out.push(strict(`minLength - 1 (${schema.minLength - 1})`, 'a'.repeat(schema.minLength - 1)));
    if (schema.maxLength === undefined || schema.maxLength < HUGE_STRING)
      out.push({
        label: `oversized (${HUGE_STRING} characters)`,
        value: 'x'.repeat(HUGE_STRING),
        strict: strictOk && schema.maxLength !== undefined,
      });
    if (schema.pattern) {
      const miss = ['fuzz!', '', ' ', '1'.repeat(40)].find((s) => !new RegExp(schema.pattern!).test(s));
      if (miss !== undefined) out.push(strict(`not matching ${schema.pattern}`, miss));
    }
    if (schema.format === 'date-time') out.push(strict('not a date-time', 'not-a-date'));
    out.push(loose('odd Unicode (NUL, bidi, lone surrogate, emoji, markup)', ODD_UNICODE));
  }

  if (has('array') && Array.isArray(value)) {
    const first = value[0];
    if (schema.maxItems !== undefined && first !== undefined)
      out.push(strict(`maxItems + 1 (${schema.maxItems + 1})`, Array(schema.maxItems + 1).fill(first)));
    if (schema.minItems) out.push(strict(`minItems - 1 (${schema.minItems - 1})`, value.slice(0, schema.minItems - 1)));
    if (first !== undefined) {
      out.push({ label: 'duplicate items', value: [first, first], strict: strictOk && !!schema.uniqueItems });
      if (schema.maxItems === undefined || schema.maxItems < HUGE_ARRAY)
        out.push({
          label: `oversized (${HUGE_ARRAY} items)`,
          value: Array(HUGE_ARRAY).fill(first),
          strict: strictOk && schema.maxItems !== undefined,
        });
    }
  }
  return out;
}

function mayBe(hi: number | undefined, v: number, label: string, strictOk: boolean): ValueMutation {
  return { label, value: v, strict: strictOk && hi !== undefined && v > hi };
}

// ---- bodies ----

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path.at(-1)!];
  return copy;
}

const show = (path: Path) =>
  path.length
    ? path
        .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
        .join('')
        .slice(1)
    : '(body)';

/** Every schema-driven mutation of a JSON body, walking the valid example and its schema together. */
export function bodyMutations(
  schema: JsonSchema,
  valid: unknown,
  resolve: (s: JsonSchema | undefined) => JsonSchema,
  strictOk: boolean,
): FuzzCase[] {
  const out: FuzzCase[] = [];
  const walk = (s0: JsonSchema | undefined, value: unknown, path: Path, underUnion: boolean, depth: number) => {
    if (depth > 8) return;
    const s = resolve(s0);
    const union = s.oneOf ?? s.anyOf;
    if (union?.length) {
      // the value was generated from the first branch: walk it, but nothing there is strictly wrong any more
      walk(union[0], value, path, true, depth + 1);
      return;
    }
    const strict = strictOk && !underUnion;
    for (const m of valueMutations(s, value, strict))
      out.push({
        label: `${show(path)}: ${m.label}`,
        strict: m.strict,
        body: { kind: 'json', value: setAt(valid, path, m.value) },
      });
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of s.required ?? [])
        if (key in (value as object))
          out.push({
            label: `${show([...path, key])}: missing (required)`,
            strict,
            body: { kind: 'json', value: deleteAt(valid, [...path, key]) },
          });
      for (const [key, prop] of Object.entries(s.properties ?? {}))
        if (key in (value as object))
          walk(prop, (value as Record<string, unknown>)[key], [...path, key], underUnion, depth + 1);
      if (!s.properties && typeof s.additionalProperties === 'object')
        for (const [key, v] of Object.entries(value as object))
          walk(s.additionalProperties, v, [...path, key], underUnion, depth + 1);
    }
    if (Array.isArray(value) && value.length && s.items) walk(s.items, value[0], [...path, 0], underUnion, depth + 1);
  };
  walk(schema, valid, [], false, 0);
  if (valid && typeof valid === 'object' && !Array.isArray(valid)) {
    out.push({
      label: '(body): an unknown property',
      strict: false,
      body: { kind: 'json', value: { ...valid, fuzzUnknown: 'x' } },
    });
    out.push({
      label: '(body): __proto__ and constructor keys',
      strict: false,
      body: {
        kind: 'raw',
        text: `{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},${JSON.stringify(valid).slice(1)}`,
      },
    });
  }
  return out;
}

/** Malformed JSON, JSON of the wrong shape, wrong content types, an oversized body. */
export function envelopeMutations(op: Operation, valid: unknown, strictOk: boolean): FuzzCase[] {
  const json = op.body?.contentType === 'application/json';
  const hasBody = op.body !== undefined;
  const strictJson = strictOk && json;
  const validText = JSON.stringify(valid ?? {});
  const out: FuzzCase[] = [
    {
      label: 'malformed JSON (truncated)',
      strict: strictJson,
      body: { kind: 'raw', text: validText.slice(0, -1) || '{' },
    },
    {
      label: 'malformed JSON (trailing comma, single quotes)',
      strict: strictJson,
      body: { kind: 'raw', text: "{'a': 1,}" },
    },
    {
      label: 'malformed JSON (NaN, Infinity)',
      strict: strictJson,
      body: { kind: 'raw', text: '{"a": NaN, "b": Infinity}' },
    },
    {
      label: 'JSON nested 100000 deep',
      strict: strictJson,
      body: { kind: 'raw', text: '['.repeat(100_000) + ']'.repeat(100_000) },
    },
    { label: 'JSON: an array for the body', strict: strictJson, body: { kind: 'raw', text: '[]' } },
    { label: 'JSON: a string for the body', strict: strictJson, body: { kind: 'raw', text: '"x"' } },
    { label: 'JSON: null for the body', strict: false, body: { kind: 'raw', text: 'null' } },
    { label: 'JSON: an empty body', strict: false, body: { kind: 'raw', text: '' } },
    {
      label: 'JSON: 1e999 for every number',
      strict: false,
      body: { kind: 'raw', text: validText.replace(/(:)(-?\d+(?:\.\d+)?)/g, '$11e999') },
    },
    {
      label: 'oversized body (1.5 MB)',
      strict: hasBody && strictOk,
      body: { kind: 'raw', text: `{"x":"${'a'.repeat(1_500_000)}"}` },
    },
    {
      label: 'content-type text/plain',
      strict: false,
      body: { kind: 'raw', text: validText, contentType: 'text/plain' },
    },
    {
      label: 'content-type application/xml',
      strict: false,
      body: { kind: 'raw', text: '<a>1</a>', contentType: 'application/xml' },
    },
    {
      label: 'content-type x-www-form-urlencoded',
      strict: false,
      body: { kind: 'raw', text: formEncode(valid), contentType: 'application/x-www-form-urlencoded' },
    },
    {
      label: 'content-type json with a foreign charset',
      strict: false,
      body: { kind: 'raw', text: validText, contentType: 'application/json; charset=utf-16' },
    },
    {
      label: 'content-type multipart/form-data (no boundary)',
      strict: false,
      body: { kind: 'raw', text: validText, contentType: 'multipart/form-data' },
    },
    { label: 'no content-type', strict: false, body: { kind: 'raw', text: validText, contentType: '' } },
    {
      label: 'multipart/form-data with fields',
      strict: false,
      body: {
        kind: 'multipart',
        parts: [
          { name: 'file', value: new Blob(['not an image'], { type: 'image/png' }), filename: 'x.png' },
          { name: 'a', value: '1' },
        ],
      },
    },
  ];
  return out;
}

function formEncode(value: unknown): string {
  const params = new URLSearchParams();
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) params.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  return params.toString();
}

/** A multipart upload operation: no file, a non-image, the wrong field, a JSON body. */
export function multipartMutations(op: Operation, strictOk: boolean): FuzzCase[] {
  const field = Object.keys(op.body?.schema.properties ?? { file: {} })[0] ?? 'file';
  const png = new Blob([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')], {
    type: 'image/png',
  });
  return [
    {
      label: 'multipart: no file',
      strict: strictOk,
      body: { kind: 'multipart', parts: [{ name: 'other', value: 'x' }] },
    },
    {
      label: 'multipart: HTML named .png',
      strict: strictOk,
      body: {
        kind: 'multipart',
        parts: [
          {
            name: field,
            value: new Blob(['<html><script>alert(1)</script>'], { type: 'image/png' }),
            filename: 'x.png',
          },
        ],
      },
    },
    {
      label: 'multipart: SVG',
      strict: strictOk,
      body: {
        kind: 'multipart',
        parts: [
          {
            name: field,
            value: new Blob(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'], { type: 'image/svg+xml' }),
            filename: 'x.svg',
          },
        ],
      },
    },
    {
      label: 'multipart: empty file',
      strict: strictOk,
      body: { kind: 'multipart', parts: [{ name: field, value: new Blob([]), filename: 'x.png' }] },
    },
    {
      label: 'multipart: two files',
      strict: false,
      body: {
        kind: 'multipart',
        parts: [
          { name: field, value: png, filename: 'a.png' },
          { name: field, value: png, filename: 'b.png' },
        ],
      },
    },
    {
      label: 'multipart: a file name with a path',
      strict: false,
      body: { kind: 'multipart', parts: [{ name: field, value: png, filename: '../../etc/passwd.png' }] },
    },
    { label: 'multipart: a JSON body instead', strict: strictOk, body: { kind: 'raw', text: '{"file":"x"}' } },
    {
      label: 'multipart: malformed',
      strict: strictOk,
      body: { kind: 'raw', text: '--x\r\nnonsense', contentType: 'multipart/form-data; boundary=x' },
    },
  ];
}
