// 提醒我 (domain-rules.md, Seckill; api-contract.md): a shopper asks to be told when an upcoming session opens;
// the job sends each reminder's WeChat subscribe message once, even when two runs race, and never for a session
// that is already open or over.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyers, openSession, seckillItem } from '../support/seckill';
import { waitFor } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const reminders = (token: string) => t.api('GET', '/api/v1/seckill/reminders', { token });
const sent = async () =>
  ((await t.api('GET', '/sandbox/wechat/messages')).body.items as { template_id: string; page: string }[]).filter(
    (m) => m.template_id === 'sandbox_seckill_starting',
  );

it('reminds once per shopper and item, lets them cancel, and sends when the session is about to open', async () => {
  const { sessionId, startAt } = await openSession(t, admin, new Date(t.rt.clock.now().getTime() + HOUR));
  const item = await seckillItem(t, admin, { stock: 10, sessionId });
  const [a, b] = await buyers(t, 'remind', 2);
  const path = `/api/v1/seckill/items/${item.itemId}/reminders`;

  const first = await t.api('POST', path, { token: a!.token });
  expect(first.status).toBe(201);
  expect(first.body).toEqual({ itemId: item.itemId, remindAt: startAt.toISOString() });
  expect((await t.api('POST', path, { token: a!.token })).status).toBe(201); // asked twice: still one
  expect(await t.models.seckill.Reminder.count({ where: { itemId: item.itemId } })).toBe(1);
  expect((await reminders(a!.token)).body).toEqual({ itemIds: [item.itemId], templateId: 'sandbox_seckill_starting' });

  expect((await t.api('POST', path, { token: b!.token })).status).toBe(201);
  expect((await t.api('DELETE', path, { token: b!.token })).body).toEqual({ itemId: item.itemId, removed: true });
  expect((await reminders(b!.token)).body.itemIds).toEqual([]);
  expect((await t.api('POST', path)).status).toBe(401);

  // an hour early: nothing is due
  expect((await t.api('POST', '/sandbox/jobs/remind-seckill/run')).status).toBe(200);
  expect(await sent()).toEqual([]);

  // a minute before the start two runs race: one message
  await t.api('POST', '/sandbox/clock', {
    body: { advanceMs: startAt.getTime() - t.rt.clock.now().getTime() - 60_000 },
  });
  const runs = await Promise.all([0, 1].map(() => t.api('POST', '/sandbox/jobs/remind-seckill/run')));
  expect(runs.map((r) => r.status)).toEqual([200, 200]);
  const messages = await waitFor(sent, (xs) => xs.length >= 1);
  await new Promise((r) => setTimeout(r, 500)); // a second message would have been sent by now
  expect(await sent()).toHaveLength(1);
  expect(messages[0]!.page).toBe(`subpackages/seckill/grab/index?item=${item.itemId}&session=${sessionId}`);
  expect((await reminders(a!.token)).body.itemIds).toEqual([]);
});

it('refuses a reminder once the session has opened, and for an unknown item', async () => {
  const open = await seckillItem(t, admin, { stock: 3 });
  const [c] = await buyers(t, 'late', 1);
  const late = await t.api('POST', `/api/v1/seckill/items/${open.itemId}/reminders`, { token: c!.token });
  expect(late.status).toBe(409);
  expect(late.body.error.code).toBe('REMINDER_CLOSED');
  const unknown = await t.api('POST', '/api/v1/seckill/items/999999/reminders', { token: c!.token });
  expect(unknown.status).toBe(404);
  expect(await t.models.seckill.Reminder.count({ where: { userId: c!.userId } })).toBe(0);
});
