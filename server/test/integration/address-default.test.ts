// One default address per user under any concurrency, on MariaDB: racing creates that each ask to be the
// default, racing first addresses, and deleting the default, checked in the database afterwards.
import { startTestServer, wechatLogin, type TestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const input = (i: number, isDefault?: boolean) => ({
  name: `收件人${i}`,
  phone: '13800138000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: `文三路 ${i} 号`,
  ...(isDefault === undefined ? {} : { isDefault }),
});
const create = (token: string, i: number, isDefault?: boolean) =>
  t.api('POST', '/api/v1/addresses', { token, body: input(i, isDefault) });
const defaultsOf = async (userId: number) =>
  (await t.models.address.findAll({ where: { userId, isDefault: true } })).map((a) => a.getDataValue('id'));

describe('the default address', () => {
  it('10 parallel creates with isDefault leave exactly one default (3 users at once)', async () => {
    const users = await Promise.all(['addr-a', 'addr-b', 'addr-c'].map((n) => wechatLogin(t, n)));
    const replies = await Promise.all(
      users.flatMap((u) => Array.from({ length: 10 }, (_, i) => create(u.token, i, true))),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(30).fill(201));
    for (const u of users) {
      expect(await t.models.address.count({ where: { userId: u.userId } })).toBe(10);
      expect(await defaultsOf(u.userId)).toHaveLength(1);
      const list = await t.api('GET', '/api/v1/addresses', { token: u.token });
      expect(list.body.items.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
      expect(list.body.items[0].isDefault).toBe(true);
    }
  });

  it('parallel first addresses without isDefault: exactly one becomes the default', async () => {
    const u = await wechatLogin(t, 'addr-first');
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => create(u.token, i)));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(await defaultsOf(u.userId)).toHaveLength(1);
  });

  it('a later default replaces the earlier one; deleting the default promotes the newest remaining address', async () => {
    const u = await wechatLogin(t, 'addr-delete');
    const first = (await create(u.token, 1)).body;
    const second = (await create(u.token, 2)).body;
    const third = (await create(u.token, 3, true)).body;
    expect([first.isDefault, second.isDefault, third.isDefault]).toEqual([true, false, true]);
    expect(await defaultsOf(u.userId)).toEqual([third.id]);
    expect((await t.api('DELETE', `/api/v1/addresses/${third.id}`, { token: u.token })).status).toBe(200);
    expect(await defaultsOf(u.userId)).toEqual([second.id]);
    // deleting a non-default address leaves the default alone; racing deletes and creates keep one default
    await Promise.all([
      t.api('DELETE', `/api/v1/addresses/${first.id}`, { token: u.token }),
      create(u.token, 4, true),
      create(u.token, 5, true),
      t.api('DELETE', `/api/v1/addresses/${second.id}`, { token: u.token }),
    ]);
    expect(await defaultsOf(u.userId)).toHaveLength(1);
  });

  it('the database refuses a second default whatever writes it', async () => {
    const u = await wechatLogin(t, 'addr-db');
    const a = (await create(u.token, 1)).body;
    const b = (await create(u.token, 2)).body;
    expect(a.isDefault).toBe(true);
    await expect(t.models.address.update({ isDefault: true }, { where: { id: b.id } })).rejects.toThrow();
    expect(await defaultsOf(u.userId)).toEqual([a.id]);
  });
});
