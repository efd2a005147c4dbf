// `npm run bench -w server -- --capture`: records the SQL each write scenario sends, from MariaDB's general log
// (log_output=TABLE, only the server's own account, one request at a time after a warm-up request of the same
// kind), into bench/replay/captured/<scenario>.sql. The replay scripts beside them (bench/replay/*.ts) are these
// statements with their values turned into parameters; recapture after changing a write path and compare.
import fs from 'node:fs';
import path from 'node:path';
import type mysql from 'mysql2/promise';
import type { Admin } from './database';
import { openPendingGroups, type Fixtures } from './fixtures';
import { call } from './http';
import { BENCH_DIR, DB } from './settings';
import { writeScenarios } from './scenarios';
import { benchRedis, holdWriter, logLength } from './seckill';

const CAPTURED_DIR = path.join(BENCH_DIR, 'replay/captured');

function writeCaptured(name: string, title: string, statements: string[]) {
  const file = path.join(CAPTURED_DIR, `${name}.sql`);
  const header = [
    `-- ${title}: the statements the server sent for one request (bench/lib/capture.ts, \`npm run bench -w server -- --capture\`)`,
    `-- captured ${new Date().toISOString()} from MariaDB's general log; "thread" is the connection.`,
  ];
  fs.writeFileSync(file, [...header, ...statements, ''].join('\n'));
  console.log(`[bench] ${name}: ${statements.length} statements → ${path.relative(process.cwd(), file)}`);
}

/**
 * The order writer's statements for one queued attempt: the attempt is made while the bench holds the writer's
 * lease (its address check is no part of the writer), then the log records from the lease's release until the
 * attempt has left the Redis log. One attempt goes through first, unrecorded, to warm the writer.
 */
async function captureWriter(admin: Admin, baseUrl: string, f: Fixtures, buyer: number): Promise<void> {
  const redis = benchRedis();
  try {
    const grab = async (b: number) => {
      const { token, addressId } = f.buyers[b]!;
      const res = await call(baseUrl, 'POST', `/api/v1/seckill/items/${f.seckill.itemId}/attempts`, {
        token,
        body: { quantity: 1, addressId },
        idempotencyKey: `capture-writer-${b}`,
      });
      if (res.status !== 202) throw new Error(`capture attempt answered ${res.status}`);
    };
    const drained = async () => {
      while ((await logLength(redis, f)) > 0) await new Promise((r) => setTimeout(r, 20));
    };
    await grab(buyer);
    await drained();
    const release = await holdWriter(redis);
    await grab(buyer + 1);
    const statements = await logged(admin, async () => {
      await release();
      await drained();
      return 200;
    });
    writeCaptured('seckill-writer', 'the seckill order writer, one queued attempt', statements);
  } finally {
    redis.disconnect();
  }
}

async function logged(admin: Admin, request: () => Promise<number>): Promise<string[]> {
  await admin.query('TRUNCATE TABLE mysql.general_log');
  await admin.query('SET GLOBAL general_log = 1');
  const status = await request();
  await new Promise((r) => setTimeout(r, 300)); // the outbox and the logger may still be writing
  await admin.query('SET GLOBAL general_log = 0');
  if (status >= 300) throw new Error(`captured request answered ${status}`);
  const [rows] = await admin.query<mysql.RowDataPacket[]>(
    `SELECT thread_id, command_type, CONVERT(argument USING utf8mb4) AS argument FROM mysql.general_log
      WHERE user_host LIKE ? AND command_type IN ('Query', 'Execute')`,
    [`${DB.user}[${DB.user}]%`],
  );
  // the outbox worker's poll (once a second, on its own) is no part of the request
  const own = rows.filter((r) => !/^SELECT .* FROM `outbox_messages`/s.test(String(r.argument)));
  return own.map(
    (r) => `/* thread ${r.thread_id}, ${r.command_type} */ ${String(r.argument).replace(/\s+/g, ' ').trim()};`,
  );
}

/** `admin`: root (log switches); `db`: root on the bench database (opening the groups joins need) */
export async function capture(admin: Admin, db: Admin, baseUrl: string, f: Fixtures): Promise<void> {
  const [[logOutput]] = await admin.query<mysql.RowDataPacket[]>(`SELECT @@GLOBAL.log_output AS v`);
  await admin.query(`SET GLOBAL log_output = 'TABLE'`);
  fs.mkdirSync(CAPTURED_DIR, { recursive: true });
  let nth = 0;
  const send = async (s: ReturnType<typeof writeScenarios>[number], buyer: number, groups?: string[]) => {
    const b = f.buyers[buyer]!;
    const p = s.path.replace(':code', groups?.[0] ?? '');
    const body = s.withAddress ? { ...s.bodies[0], addressId: b.addressId } : s.bodies[0];
    const res = await call(baseUrl, 'POST', p, { token: b.token, body, idempotencyKey: `capture-${nth++}` });
    return res.status;
  };
  try {
    const scenarios = writeScenarios(f);
    let buyer = 0;
    for (const s of scenarios) {
      let groups: string[] | undefined;
      if (s.name === 'group-join') {
        groups = (await openPendingGroups(db, f.group.campaignId)).map((g) => g.code);
        buyer = 100; // never a leader of those groups (the open captures used buyers below 100)
      }
      await send(s, buyer++, groups); // warms caches, prepared statements, pools
      const statements = await logged(admin, () => send(s, buyer++, groups));
      writeCaptured(s.name, s.title, statements);
    }
    await captureWriter(admin, baseUrl, f, 300);
  } finally {
    await admin.query('SET GLOBAL general_log = 0');
    await admin.query(`SET GLOBAL log_output = ?`, [logOutput!.v]);
    await admin.query('TRUNCATE TABLE mysql.general_log');
  }
}
