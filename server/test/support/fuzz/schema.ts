// A valid example from a JSON schema (OpenAPI 3.1 flavour): every property (required and optional), defaults and
// examples where the schema gives them, values inside the bounds, strings matching simple patterns; `hints`
// (by property name) put real ids where the schema can only say "a positive integer".
import type { Rng } from './random';
import type { JsonSchema } from './openapi';

export type Hints = Readonly<Record<string, unknown>>;

export interface GenContext {
  rng: Rng;
  resolve: (schema: JsonSchema | undefined) => JsonSchema;
  hints: Hints;
}

/** The JSON types a schema allows (`type` may be a list; an enum implies its values' types). */
export function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return schema.nullable ? [schema.type, 'null'] : [schema.type];
  if (schema.enum) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))];
  if (schema.properties || schema.additionalProperties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

export const lowerBound = (s: JsonSchema): number | undefined =>
  s.minimum ??
  (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (typesOf(s).includes('integer') ? 1 : 1e-6) : undefined);
export const upperBound = (s: JsonSchema): number | undefined =>
  s.maximum ??
  (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (typesOf(s).includes('integer') ? 1 : 1e-6) : undefined);

/** A value of `type` in the schema's bounds. */
function number(schema: JsonSchema, rng: Rng, integer: boolean): number {
  const lo = lowerBound(schema) ?? (integer ? 1 : 0);
  const hi = upperBound(schema) ?? Math.max(lo, 1) + 1000;
  const pick = Math.min(Math.max(rng.int(1, 100), lo), hi);
  return integer ? Math.ceil(pick) : pick;
}

function hintFor(name: string | undefined, schema: JsonSchema, ctx: GenContext): { value: unknown } | undefined {
  if (name === undefined || !(name in ctx.hints)) return undefined;
  const value = ctx.hints[name];
  const types = typesOf(schema);
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const fits =
    types.length === 0 ||
    types.includes(type) ||
    (type === 'number' && types.includes('integer') && Number.isInteger(value));
  return fits ? { value } : undefined;
}

/** A valid value for `schema`; `name` is the property (or parameter) name, for hints. */
export function generate(schema: JsonSchema | undefined, ctx: GenContext, name?: string, depth = 0): unknown {
  const s = ctx.resolve(schema);
  const hinted = hintFor(name, s, ctx);
  if (hinted) return hinted.value;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum.find((v) => v !== null) ?? s.enum[0];
  if (s.allOf?.length) return generate(mergeAll(s.allOf.map((x) => ctx.resolve(x))), ctx, name, depth);
  const branches = s.oneOf ?? s.anyOf;
  if (branches?.length) return generate(branches[0], ctx, name, depth);
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined && s.default !== null) return structuredClone(s.default);
  const type = typesOf(s).find((t) => t !== 'null') ?? (typesOf(s).includes('null') ? 'null' : 'object');
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return false;
    case 'integer':
      return number(s, ctx.rng, true);
    case 'number':
      return number(s, ctx.rng, false);
    case 'string':
      return string(s, ctx.rng);
    case 'array': {
      if (depth > 6) return [];
      const n = Math.min(Math.max(s.minItems ?? 1, 1), s.maxItems ?? 1);
      const items: unknown[] = [];
      for (let i = 0; i < n; i++) items.push(generate(s.items, ctx, undefined, depth + 1));
      return items;
    }
    default: {
      if (depth > 6) return {};
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (ctx.resolve(prop).readOnly) continue;
        out[key] = generate(prop, ctx, key, depth + 1);
      }
      if (!s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') {
        out[`k${ctx.rng.string(4)}`] = generate(s.additionalProperties, ctx, undefined, depth + 1);
      }
      return out;
    }
  }
}

function mergeAll(schemas: JsonSchema[]): JsonSchema {
  const out: JsonSchema = {};
  for (const s of schemas) {
    Object.assign(out, s, {
      properties: { ...out.properties, ...s.properties },
      required: [...(out.required ?? []), ...(s.required ?? [])],
    });
  }
  return out;
}

export function string(schema: JsonSchema, rng: Rng): string {
  if (schema.pattern) {
    const fromPattern = matchingString(schema.pattern, rng);
    if (fromPattern !== undefined) return fromPattern;
  }
  switch (schema.format) {
    case 'date-time':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'date':
      return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    case 'email':
      return `fuzz${rng.string(6)}@example.com`;
    case 'uri':
    case 'url':
      return `https://example.com/${rng.string(8)}`;
    case 'uuid':
      return '0c8e2c43-5a5e-4d2b-9c55-2a0b6f8f5a11';
  }
  const lo = schema.minLength ?? 1;
  const hi = schema.maxLength ?? 24;
  const length = Math.min(Math.max(8, lo), hi);
  return rng.string(length);
}

// ---- strings from (simple) regular expressions ----

interface Atom {
  chars: string;
  min: number;
  max: number;
}

const CLASSES: Record<string, string> = {
  d: '0123456789',
  w: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_',
  s: ' ',
};

/** Characters of a `[...]` class body (ranges, escapes; a negated class gives letters and digits). */
function classChars(body: string): string {
  if (body.startsWith('^')) return 'abcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < body.length; i++) {
    let c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      const e = body[++i]!;
      if (CLASSES[e]) {
        out += CLASSES[e];
        continue;
      }
      c = e;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const end = body[i + 2]!;
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) out += String.fromCharCode(code);
      i += 2;
    } else out += c;
  }
  return out;
}

/**
 * A string matching `pattern` when it is a sequence of literals, escapes and `[...]` classes with quantifiers
 * (what contract patterns are: phone numbers, codes, slugs); undefined for anything fancier (groups, alternation).
 */
export function matchingString(pattern: string, rng: Rng): string | undefined {
  const src = pattern.replace(/^\^/, '').replace(/\$$/, '');
  const atoms: Atom[] = [];
  for (let i = 0; i < src.length;) {
    let chars: string;
    const c = src[i]!;
    if ('()|'.includes(c)) return undefined;
    if (c === '[') {
      const end = src.indexOf(']', i + 1);
      if (end < 0) return undefined;
      chars = classChars(src.slice(i + 1, end));
      i = end + 1;
    } else if (c === '\\') {
      const e = src[i + 1] ?? '';
      chars = CLASSES[e] ?? e;
      i += 2;
    } else if (c === '.') {
      chars = 'abcdefghijklmnopqrstuvwxyz';
      i += 1;
    } else {
      chars = c;
      i += 1;
    }
    let min = 1;
    let max = 1;
    const q = /^(?:\{(\d+)(?:(,)(\d*))?\}|([*+?]))/.exec(src.slice(i));
    if (q) {
      if (q[4] === '*') [min, max] = [0, 3];
      else if (q[4] === '+') [min, max] = [1, 3];
      else if (q[4] === '?') [min, max] = [0, 1];
      else {
        min = Number(q[1]);
        max = q[2] ? (q[3] ? Number(q[3]) : min + 3) : min;
      }
      i += q[0].length;
    }
    atoms.push({ chars, min, max });
  }
  let out = '';
  for (const a of atoms) {
    const n = rng.int(a.min, Math.max(a.min, Math.min(a.max, a.min + 8)));
    for (let k = 0; k < n; k++) out += a.chars[rng.int(0, a.chars.length - 1)];
  }
  return new RegExp(pattern).test(out) ? out : undefined;
}
