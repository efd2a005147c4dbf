// The Redis side of seckill: one hash tag per session+item ({S:I}), so each script touches one Cluster slot.
//   meta      hash  start, end (business ms), limit, epoch (of the warm), seq (attempts accepted)
//   stock     int   units left to grab
//   users     hash  userId → units taken (queued, ordered or paid)
//   log       list  accepted attempts not yet written as orders: "attemptId|userId|qty|addressId"
//   attempts  hash  attemptId → "queued|userId" | "ordered|userId|orderId" | "failed|userId|reason"
//   idem      hash  "userId:Idempotency-Key" → attemptId
//   returned  set   attempt ids whose units came back (a return is applied once, whoever sends it)
//   rate:U    int   user U's attempts in the current rate window (expires with it)
// The module's README explains why the log is a list (not a Stream) and how reconciliation decides.
import type { RedisClient } from '../../../platform/redis/redis';

export const tagOf = (sessionId: number, itemId: number) => `{${sessionId}:${itemId}}`;

export interface ItemKeys {
  meta: string;
  stock: string;
  users: string;
  log: string;
  attempts: string;
  idem: string;
  returned: string;
  rate: string;
}

export function itemKeys(sessionId: number, itemId: number): ItemKeys {
  const p = `seckill:${tagOf(sessionId, itemId)}:`;
  return {
    meta: `${p}meta`,
    stock: `${p}stock`,
    users: `${p}users`,
    log: `${p}log`,
    attempts: `${p}attempts`,
    idem: `${p}idem`,
    returned: `${p}returned`,
    /** + user id: that user's attempts in the current rate window (expires with it) */
    rate: `${p}rate:`,
  };
}

/** the items warm in Redis ("sessionId:itemId"), which the order writer drains */
export const WARM_ITEMS = 'seckill:warm-items';
/** units came back to an item: every instance drops its sold-out flag */
export const UNITS_RETURNED_CHANNEL = 'seckill:units-returned';

// Checks in the order the contract answers them: the user's attempt rate (a fixed window per user and item,
// folded in here so an attempt is one round trip), not warm (the caller warms and retries), window, replay of
// an Idempotency-Key, the user's limit, then stock; only when all pass does it take the units, count them to
// the user and append the attempt to the log, in one step.
const ATTEMPT = `
local hits = redis.call('INCR', KEYS[7])
if hits == 1 then redis.call('PEXPIRE', KEYS[7], ARGV[9]) end
if hits > tonumber(ARGV[8]) then return {'RATE_LIMITED', tostring(redis.call('PTTL', KEYS[7]))} end
local meta = redis.call('HMGET', KEYS[1], 'start', 'end', 'limit', 'epoch')
if not meta[1] then return {'NOT_WARM'} end
local now = tonumber(ARGV[1])
if now < tonumber(meta[1]) or now >= tonumber(meta[2]) then return {'SESSION_NOT_OPEN'} end
local user, qty, idem = ARGV[2], tonumber(ARGV[3]), ARGV[5]
if idem ~= '' then
  local prev = redis.call('HGET', KEYS[6], user .. ':' .. idem)
  if prev then return {'REPLAY', prev} end
end
local used = tonumber(redis.call('HGET', KEYS[3], user) or '0')
if used + qty > tonumber(meta[3]) then return {'LIMIT_REACHED'} end
local left = tonumber(redis.call('GET', KEYS[2]) or '0')
if left < qty then return {'SOLD_OUT', tostring(left)} end
redis.call('DECRBY', KEYS[2], qty)
redis.call('HINCRBY', KEYS[3], user, qty)
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
local id = ARGV[6] .. '-' .. ARGV[7] .. '-' .. meta[4] .. '-' .. seq
redis.call('RPUSH', KEYS[4], id .. '|' .. user .. '|' .. qty .. '|' .. ARGV[4])
redis.call('HSET', KEYS[5], id, 'queued|' .. user)
if idem ~= '' then redis.call('HSET', KEYS[6], user .. ':' .. idem, id) end
return {'QUEUED', id, tostring(left - qty)}
`;

// Units back from a cancelled, refunded or failed purchase, once per attempt id; nothing while the item is not
// warm (the warm reads the database, which already counts them back).
const RETURN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if redis.call('SADD', KEYS[4], ARGV[1]) == 0 then return 0 end
redis.call('INCRBY', KEYS[2], ARGV[3])
local left = redis.call('HINCRBY', KEYS[3], ARGV[2], -tonumber(ARGV[3]))
if left <= 0 then redis.call('HDEL', KEYS[3], ARGV[2]) end
return 1
`;

// Warm ("warm": only when meta is missing) or repair ("repair"): counters := the database's view, minus what the
// log still holds (attempts accepted but not yet written). Atomic against attempts; the caller holds the
// writer's lock, so the log is not drained meanwhile.
const SYNC = `
local mode = ARGV[1]
if mode == 'warm' and redis.call('EXISTS', KEYS[1]) == 1 then return {'WARM'} end
local queued, byUser = 0, {}
for _, e in ipairs(redis.call('LRANGE', KEYS[4], 0, -1)) do
  local u, q = string.match(e, '^[^|]+|([^|]+)|([^|]+)|')
  q = tonumber(q)
  queued = queued + q
  byUser[u] = (byUser[u] or 0) + q
end
local before = redis.call('GET', KEYS[2])
local target = tonumber(ARGV[6]) - queued
if target < 0 then target = 0 end
redis.call('SET', KEYS[2], target)
local i = 8
for k = 1, tonumber(ARGV[7]) do
  byUser[ARGV[i]] = (byUser[ARGV[i]] or 0) + tonumber(ARGV[i + 1])
  i = i + 2
end
redis.call('DEL', KEYS[3])
for u, units in pairs(byUser) do
  if units > 0 then redis.call('HSET', KEYS[3], u, units) end
end
redis.call('DEL', KEYS[5])
for k = i, #ARGV do redis.call('SADD', KEYS[5], ARGV[k]) end
if mode == 'warm' then
  redis.call('HSET', KEYS[1], 'start', ARGV[2], 'end', ARGV[3], 'limit', ARGV[4], 'epoch', ARGV[5], 'seq', 0)
else
  redis.call('HSET', KEYS[1], 'start', ARGV[2], 'end', ARGV[3], 'limit', ARGV[4])
end
return {'SYNCED', before or '', tostring(target), tostring(queued)}
`;

interface SeckillCommands {
  seckillAttempt(...args: (string | number)[]): Promise<string[]>;
  seckillReturn(...args: (string | number)[]): Promise<number>;
  seckillSync(...args: (string | number)[]): Promise<string[]>;
}

function commands(redis: RedisClient): RedisClient & SeckillCommands {
  const r = redis as RedisClient & Partial<SeckillCommands>;
  if (!r.seckillAttempt) {
    redis.defineCommand('seckillAttempt', { numberOfKeys: 7, lua: ATTEMPT });
    redis.defineCommand('seckillReturn', { numberOfKeys: 4, lua: RETURN });
    redis.defineCommand('seckillSync', { numberOfKeys: 5, lua: SYNC });
  }
  return r as RedisClient & SeckillCommands;
}

export type AttemptOutcome =
  | { result: 'QUEUED'; attemptId: string; remaining: number }
  | { result: 'REPLAY'; attemptId: string }
  | { result: 'SOLD_OUT'; remaining: number }
  | { result: 'RATE_LIMITED'; retryAfterMs: number }
  | { result: 'LIMIT_REACHED' | 'SESSION_NOT_OPEN' | 'NOT_WARM' };

/** attempts a user may make on one item per window (the route's rate limit, kept in the attempt script) */
export const ATTEMPT_RATE = { points: 20, windowMs: 10_000 };

export interface AttemptArgs {
  sessionId: number;
  itemId: number;
  userId: number;
  quantity: number;
  addressId: number;
  nowMs: number;
  idempotencyKey?: string;
}

export interface WarmState {
  startMs: number;
  endMs: number;
  limit: number;
  /** the database's remaining units */
  remaining: number;
  /** units each user holds in the database (ordered or paid) */
  users: Map<number, number>;
  /** attempts whose units already came back (returned or failed purchases) */
  returnedAttempts: string[];
}

export class SeckillCounters {
  private readonly cmd: RedisClient & SeckillCommands;

  constructor(private readonly redis: RedisClient) {
    this.cmd = commands(redis);
  }

  async attempt(a: AttemptArgs): Promise<AttemptOutcome> {
    const k = itemKeys(a.sessionId, a.itemId);
    const [result, x, y] = await this.cmd.seckillAttempt(
      k.meta,
      k.stock,
      k.users,
      k.log,
      k.attempts,
      k.idem,
      `${k.rate}${a.userId}`,
      a.nowMs,
      a.userId,
      a.quantity,
      a.addressId,
      a.idempotencyKey ?? '',
      a.sessionId,
      a.itemId,
      ATTEMPT_RATE.points,
      ATTEMPT_RATE.windowMs,
    );
    if (result === 'QUEUED') return { result, attemptId: x!, remaining: Number(y) };
    if (result === 'REPLAY') return { result, attemptId: x! };
    if (result === 'SOLD_OUT') return { result, remaining: Number(x) };
    if (result === 'RATE_LIMITED') return { result, retryAfterMs: Number(x) };
    return { result: result as 'LIMIT_REACHED' | 'SESSION_NOT_OPEN' | 'NOT_WARM' };
  }

  /** true when the units went back now (false: already returned, or the item is not warm) */
  async giveBack(sessionId: number, itemId: number, attemptId: string, userId: number, quantity: number) {
    const k = itemKeys(sessionId, itemId);
    return (await this.cmd.seckillReturn(k.meta, k.stock, k.users, k.returned, attemptId, userId, quantity)) === 1;
  }

  /** Loads (mode warm: only if not warm) or overwrites (repair) the counters from the database's view. */
  async sync(mode: 'warm' | 'repair', sessionId: number, itemId: number, s: WarmState) {
    const k = itemKeys(sessionId, itemId);
    const users = [...s.users].flatMap(([u, n]) => [u, n]);
    const [result, before, after, queued] = await this.cmd.seckillSync(
      k.meta,
      k.stock,
      k.users,
      k.log,
      k.returned,
      mode,
      s.startMs,
      s.endMs,
      s.limit,
      Date.now().toString(36),
      s.remaining,
      s.users.size,
      ...users,
      ...s.returnedAttempts,
    );
    if (mode === 'warm' || result === 'SYNCED') await this.redis.sadd(WARM_ITEMS, `${sessionId}:${itemId}`);
    if (result === 'WARM') return { synced: false as const };
    return {
      synced: true as const,
      before: before === '' ? null : Number(before),
      after: Number(after),
      queued: Number(queued),
    };
  }

  /** What the log holds and the counter says, read together (a MULTI) for the reconciliation view. */
  async peek(sessionId: number, itemId: number): Promise<{ remaining: number | null; log: LogEntry[] }> {
    const k = itemKeys(sessionId, itemId);
    const res = await this.redis.multi().exists(k.meta).get(k.stock).lrange(k.log, 0, -1).exec();
    const warm = Number(res?.[0]?.[1]) === 1;
    return {
      remaining: warm ? Number(res?.[1]?.[1] ?? 0) : null,
      log: ((res?.[2]?.[1] as string[] | undefined) ?? []).map(parseLogEntry),
    };
  }

  /** The first `count` attempts of the log (the order writer's batch). */
  async head(sessionId: number, itemId: number, count: number): Promise<LogEntry[]> {
    const raw = await this.redis.lrange(itemKeys(sessionId, itemId).log, 0, count - 1);
    return raw.map(parseLogEntry);
  }

  /** After the writer stored `written` of the log's head: their states for the client, and off the log. */
  async written(sessionId: number, itemId: number, states: { attemptId: string; state: string }[]) {
    const k = itemKeys(sessionId, itemId);
    const m = this.redis.multi();
    for (const s of states) m.hset(k.attempts, s.attemptId, s.state);
    m.ltrim(k.log, states.length, -1);
    await m.exec();
  }

  async attemptState(sessionId: number, itemId: number, attemptId: string): Promise<string | null> {
    return this.redis.hget(itemKeys(sessionId, itemId).attempts, attemptId);
  }

  warmItems(): Promise<string[]> {
    return this.redis.smembers(WARM_ITEMS);
  }

  /** The session is over and settled: its counters go (the database keeps every purchase). */
  async drop(sessionId: number, itemId: number) {
    const k = itemKeys(sessionId, itemId);
    await this.redis.del(k.meta, k.stock, k.users, k.log, k.attempts, k.idem, k.returned);
    await this.redis.srem(WARM_ITEMS, `${sessionId}:${itemId}`);
  }
}

export interface LogEntry {
  attemptId: string;
  userId: number;
  quantity: number;
  addressId: number;
}

function parseLogEntry(raw: string): LogEntry {
  const [attemptId, userId, quantity, addressId] = raw.split('|');
  return { attemptId: attemptId!, userId: Number(userId), quantity: Number(quantity), addressId: Number(addressId) };
}

/** "sessionId-itemId-epoch-seq" → the item it belongs to */
export function attemptItem(attemptId: string): { sessionId: number; itemId: number } {
  const [s, i] = attemptId.split('-');
  return { sessionId: Number(s), itemId: Number(i) };
}
