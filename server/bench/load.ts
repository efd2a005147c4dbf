// The load generator, run as its own process (`tsx bench/load.ts <spec.json>`): autocannon, 50 connections, a
// warm-up then the measured run; prints one JSON LoadResult line. Only `expectStatus` answers are successes.
import autocannon from 'autocannon';
import fs from 'node:fs';
import type { LoadResult, LoadSpec, RequestPlan } from './lib/load-spec';

type Post = Extract<RequestPlan, { kind: 'post' }>;

/** Request i's buyer, group and body; a buyer never joins the same group twice nor the group they lead. */
function postRequests(plan: Post): () => autocannon.Request {
  const seated = new Set<string>();
  let i = 0;
  return () => {
    const n = i++;
    const b = n % plan.buyers.length;
    const buyer = plan.buyers[b]!;
    let path = plan.path;
    if (plan.groups) {
      const groups = plan.groups;
      let g = (n + Math.floor(n / plan.buyers.length)) % groups.length;
      for (let tries = 0; tries < groups.length; tries++, g = (g + 1) % groups.length) {
        const pair = `${buyer.userId}:${g}`;
        if (groups[g]!.leader !== buyer.userId && !seated.has(pair)) {
          seated.add(pair);
          break;
        }
      }
      path = path.replace(':code', groups[g]!.code);
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      authorization: `Bearer ${buyer.token}`,
    };
    if (plan.idempotencyKey) headers['idempotency-key'] = `bench-${process.pid}-${n}`;
    const body = plan.bodies[n % plan.bodies.length]!;
    return {
      method: 'POST',
      path,
      headers,
      body: JSON.stringify(plan.withAddress ? { ...body, addressId: buyer.addressId } : body),
    };
  };
}

function options(spec: LoadSpec, seconds: number, next?: () => autocannon.Request): autocannon.Options {
  const base = { url: spec.baseUrl, connections: spec.connections, duration: seconds, pipelining: 1, timeout: 30 };
  if (spec.plan.kind === 'get') return { ...base, url: `${spec.baseUrl}${spec.plan.path}` };
  return { ...base, requests: [{ setupRequest: () => next!() }] };
}

/** requests sent (answered or not): autocannon reports it, its types do not */
const sent = (r: autocannon.Result) => (r.requests as { sent?: number }).sent ?? r.requests.total;

async function main() {
  const spec = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as LoadSpec;
  const next = spec.plan.kind === 'post' ? postRequests(spec.plan) : undefined;
  const warm = await autocannon(options(spec, spec.warmupSeconds, next));
  const run = await autocannon(options(spec, spec.seconds, next));
  const codes = run.statusCodeStats ?? {};
  const ok = codes[`${spec.expectStatus}` as `${number}`]?.count ?? 0;
  const failures: Record<string, number> = {};
  for (const [code, stat] of Object.entries(codes)) {
    if (Number(code) !== spec.expectStatus && stat.count) failures[code] = stat.count;
  }
  if (run.errors) failures.transport = run.errors;
  if (run.timeouts) failures.timeout = run.timeouts;
  const result: LoadResult = {
    okPerSec: ok / run.duration,
    p50: run.latency.p50,
    p99: run.latency.p99,
    ok,
    failures,
    sentTotal: sent(warm) + sent(run),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
