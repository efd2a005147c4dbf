// Runs the fuzz cases of one operation against a live server and judges every answer: never a 5xx (a documented
// 503 with its code aside), every 4xx in the error envelope (an operation with documented raw replies may answer
// those instead), a `strict` case (input that breaks the document) answered with a 4xx, nothing left hanging.
import { bodyMutations, envelopeMutations, multipartMutations, type BodyInput, type FuzzCase } from './mutations';
import { authMutations, headerMutations, pathMutations, queryMutations } from './param-mutations';
import { createResolver, fillPath, type OpenApiDocument, type Operation } from './openapi';
import { Rng } from './random';
import { generate, type Hints } from './schema';

export interface OperationSetup {
  /** good values of the path parameters (real ids where the fixtures know them) */
  pathValues: Record<string, string>;
  /** property / parameter name → value, for the valid example */
  hints: Hints;
  consumerToken: string;
  operatorToken: string;
  /**
   * New sessions for the same actors, when a case ended the ones in use (a password change, disabling oneself):
   * called after a case whose good session was answered 401, so the cases after it still reach the handler.
   */
  renew?(): Promise<Pick<OperationSetup, 'consumerToken' | 'operatorToken'>>;
}

export interface RunnerOptions {
  baseUrl: string;
  doc: OpenApiDocument;
  seed: number;
  /** a request not answered within this is a finding ("hangs") */
  timeoutMs: number;
  setup(op: Operation): Promise<OperationSetup>;
  /** called before each case (e.g. to forget rate-limit counters, so later cases reach the handler) */
  beforeCase?(op: Operation): Promise<void>;
  /**
   * An `X-Forwarded-For` address per request (the server trusting the test's loopback as its proxy), so per-IP
   * limits and failed-login counters never carry over from one case to the next.
   */
  clientAddress?(n: number): string;
}

export interface Finding {
  operation: string;
  case: string;
  request: string;
  answer: string;
  problem: string;
}

export interface OperationReport {
  operation: string;
  requests: number;
  statuses: Record<string, number>;
  /** every case and the statuses it got, in order */
  cases: { label: string; statuses: number[] }[];
  findings: Finding[];
}

const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201' +
    'a5b1c0e60000000049454e44ae426082',
  'hex',
);

const isEnvelope = (body: unknown): boolean => {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return (
    !!error &&
    typeof error.code === 'string' &&
    /^[A-Z][A-Z0-9_]*$/.test(error.code) &&
    typeof error.message === 'string'
  );
};

/** Every case of one operation: the valid request (4 at once, then alone), then the mutations. */
export function casesFor(
  op: Operation,
  setup: OperationSetup,
  rng: Rng,
  doc: OpenApiDocument,
): { valid: Required<Pick<FuzzCase, 'pathValues' | 'query'>> & { body?: BodyInput }; cases: FuzzCase[] } {
  const resolve = createResolver(doc);
  const ctx = { rng, resolve, hints: setup.hints };
  const strictOk = !op.raw;
  const query: [string, string][] = op.params
    .filter((p) => p.in === 'query')
    .map((p) => [p.name, String(generate(p.schema, ctx, p.name))]);
  let body: BodyInput | undefined;
  let validJson: unknown;
  if (op.body?.contentType === 'application/json') {
    validJson = generate(op.body.schema, ctx);
    body = { kind: 'json', value: validJson };
  } else if (op.body?.contentType === 'multipart/form-data') {
    const field = Object.keys(op.body.schema.properties ?? { file: {} })[0] ?? 'file';
    body = {
      kind: 'multipart',
      parts: [{ name: field, value: new Blob([TINY_PNG], { type: 'image/png' }), filename: 'fuzz.png' }],
    };
  }
  const cases: FuzzCase[] = [
    // at once first, while the resource is fresh (a first payment, a first seat): that is where races are
    { label: '4 identical valid requests at once', strict: false, times: 4 },
    { label: 'valid', strict: false },
    ...authMutations(op),
    ...pathMutations(op, setup.pathValues, strictOk),
    ...queryMutations(op, query, strictOk),
  ];
  if (op.body?.contentType === 'application/json') {
    cases.push(...bodyMutations(op.body.schema, validJson, resolve, strictOk));
    cases.push(...envelopeMutations(op, validJson, strictOk));
  } else if (op.body?.contentType === 'multipart/form-data') {
    cases.push(...multipartMutations(op, strictOk));
  } else if (op.method !== 'GET') {
    cases.push({
      label: 'an unexpected JSON body',
      strict: false,
      body: { kind: 'json', value: { fuzz: [1, { a: null }] } },
    });
    cases.push({ label: 'an unexpected malformed body', strict: false, body: { kind: 'raw', text: '{"a":' } });
  }
  cases.push(...headerMutations(op));
  return { valid: { pathValues: setup.pathValues, query, body }, cases };
}

function encodeBody(body: BodyInput | undefined): { payload?: string | FormData | Blob; contentType?: string } {
  if (!body) return {};
  if (body.kind === 'json') return { payload: JSON.stringify(body.value), contentType: 'application/json' };
  if (body.kind === 'raw') return { payload: body.text, contentType: body.contentType ?? 'application/json' };
  const form = new FormData();
  for (const part of body.parts) {
    if (typeof part.value === 'string') form.append(part.name, part.value);
    else form.append(part.name, part.value, part.filename);
  }
  return { payload: form };
}

function describe(method: string, url: string, headers: Record<string, string>, payload: unknown): string {
  const shown = Object.entries(headers)
    .filter(([k]) => k !== 'authorization' && k !== 'x-forwarded-for')
    .map(([k, v]) => `${k}: ${v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v}`);
  let text = '';
  if (typeof payload === 'string')
    text = payload.length > 300 ? `${payload.slice(0, 300)}…(${payload.length} chars)` : payload;
  else if (payload instanceof FormData) text = `multipart [${[...payload.keys()].join(', ')}]`;
  const shortUrl = url.length > 200 ? `${url.slice(0, 200)}…(${url.length})` : url;
  return [`${method} ${shortUrl}`, ...shown, text].filter(Boolean).join(' | ');
}

/**
 * A raw reply the document names for that status: its text (`fail`), or a JSON object holding every field of a
 * JSON object the description shows (`{"code":"FAIL"}` matches `{"code":"FAIL","message":"…"}`).
 */
function isDocumentedRawReply(description: string, text: string): boolean {
  const reply = text.trim();
  if (!reply) return false;
  if (description.includes(reply)) return true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply);
  } catch {
    return false;
  }
  if (!parsed || typeof parsed !== 'object') return false;
  for (const [snippet] of description.matchAll(/\{[^{}]*\}/g)) {
    try {
      const shown = JSON.parse(snippet) as Record<string, unknown>;
      if (Object.entries(shown).every(([k, v]) => (parsed as Record<string, unknown>)[k] === v)) return true;
    } catch {
      /* not JSON */
    }
  }
  return false;
}

/** What is wrong with this answer to this case, if anything. */
export function judge(op: Operation, c: FuzzCase, status: number, text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (status >= 500) {
    const code = (body as { error?: { code?: string } } | undefined)?.error?.code;
    const documented = op.responses[String(status)]?.description ?? '';
    if (status === 503 && isEnvelope(body) && code && documented.includes(`\`${code}\``)) return undefined;
    return `answered ${status}`;
  }
  if (status >= 400) {
    if (isEnvelope(body)) return undefined;
    if (op.raw && isDocumentedRawReply(op.responses[String(status)]?.description ?? '', text)) return undefined;
    return `a ${status} without the error envelope`;
  }
  if (c.strict) return `accepted input that breaks the document (answered ${status})`;
  return undefined;
}

export async function fuzzOperation(op: Operation, opts: RunnerOptions): Promise<OperationReport> {
  const rng = new Rng(opts.seed).fork(op.name);
  const setup = await opts.setup(op);
  const { valid, cases } = casesFor(op, setup, rng, opts.doc);
  const admin = op.path.startsWith('/api/admin/');
  let requestNumber = 0;
  const report: OperationReport = { operation: op.name, requests: 0, statuses: {}, cases: [], findings: [] };

  for (const c of cases) {
    await opts.beforeCase?.(op);
    const path = fillPath(op.path, c.pathValues ?? valid.pathValues);
    const query = c.query ?? valid.query;
    const qs = query.length
      ? `?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`
      : '';
    const url = `${opts.baseUrl}${path}${qs}`;
    const headers: Record<string, string> = { ...c.headers };
    if (opts.clientAddress) headers['x-forwarded-for'] = opts.clientAddress(++requestNumber);
    const auth = c.auth;
    const token =
      auth === 'none'
        ? undefined
        : auth === 'garbage'
          ? 'garbage.token.value'
          : auth === 'other-kind'
            ? admin
              ? setup.consumerToken
              : setup.operatorToken
            : op.secured || auth !== undefined
              ? admin
                ? setup.operatorToken
                : setup.consumerToken
              : undefined;
    if (token) headers.authorization = `Bearer ${token}`;
    const encoded = encodeBody(c.body ?? valid.body);
    const contentType = encoded.contentType;
    let payload = encoded.payload;
    if (contentType) headers['content-type'] = contentType;
    else if (contentType === '' && typeof payload === 'string') payload = new Blob([payload]) as never; // no type at all
    const send = async (): Promise<Finding | undefined> => {
      report.requests++;
      const request = describe(op.method, url.slice(opts.baseUrl.length), headers, payload);
      const base = { operation: op.name, case: c.label, request };
      let res: Response;
      let text: string;
      try {
        res = await fetch(url, {
          method: op.method,
          headers,
          body: payload as BodyInit | undefined,
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
        text = await res.text();
      } catch (e) {
        const name = (e as Error).name;
        return {
          ...base,
          answer: name,
          problem:
            name === 'TimeoutError'
              ? `no answer within ${opts.timeoutMs} ms`
              : `request failed: ${(e as Error).message}`,
        };
      }
      report.statuses[res.status] = (report.statuses[res.status] ?? 0) + 1;
      seen.push(res.status);
      const problem = judge(op, c, res.status, text);
      return problem ? { ...base, answer: `${res.status} ${text.slice(0, 300)}`, problem } : undefined;
    };
    const seen: number[] = [];
    report.cases.push({ label: c.label, statuses: seen });
    const results = await Promise.all(Array.from({ length: c.times ?? 1 }, send));
    for (const f of results) if (f) report.findings.push(f);
    if (auth === undefined && token && seen.includes(401) && setup.renew) Object.assign(setup, await setup.renew());
  }
  return report;
}
