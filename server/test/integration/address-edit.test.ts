// Editing an address and choosing the default, on MariaDB: the fields change, ownership is enforced, racing
// set-defaults and edits leave exactly one default, and a bad field is named in the validation error's details.
import { startTestServer, wechatLogin, type TestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const input = (i: number, extra: Record<string, unknown> = {}) => ({
  name: `收件人${i}`,
  phone: '13800138000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: `文三路 ${i} 号`,
  ...extra,
});
const create = async (token: string, i: number) =>
  (await t.api('POST', '/api/v1/addresses', { token, body: input(i) })).body as { id: number; isDefault: boolean };
const defaultsOf = async (userId: number) =>
  (await t.models.address.findAll({ where: { userId, isDefault: true } })).map((a) => a.getDataValue('id'));

it('PUT replaces the fields; isDefault:true takes the default, isDefault:false never leaves the user without one', async () => {
  const u = await wechatLogin(t, 'edit-a');
  const a = await create(u.token, 1);
  const b = await create(u.token, 2);
  const edited = await t.api('PUT', `/api/v1/addresses/${b.id}`, {
    token: u.token,
    body: input(2, { name: '李四', province: '上海市', city: '上海市', district: '徐汇区', detail: '漕溪北路 8 号' }),
  });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({
    id: b.id,
    name: '李四',
    province: '上海市',
    district: '徐汇区',
    isDefault: false,
  });
  expect(await defaultsOf(u.userId)).toEqual([a.id]);

  const promoted = await t.api('PUT', `/api/v1/addresses/${b.id}`, {
    token: u.token,
    body: input(2, { isDefault: true }),
  });
  expect(promoted.body.isDefault).toBe(true);
  expect(await defaultsOf(u.userId)).toEqual([b.id]);

  const kept = await t.api('PUT', `/api/v1/addresses/${b.id}`, {
    token: u.token,
    body: input(3, { isDefault: false }),
  });
  expect(kept.body).toMatchObject({ detail: '文三路 3 号', isDefault: true });
  expect(await defaultsOf(u.userId)).toEqual([b.id]);
});

it('POST /:id/default moves the default; racing set-defaults, edits and deletes leave exactly one', async () => {
  const u = await wechatLogin(t, 'edit-b');
  const ids: number[] = [];
  for (let i = 0; i < 6; i++) ids.push((await create(u.token, i)).id);
  const moved = await t.api('POST', `/api/v1/addresses/${ids[3]}/default`, { token: u.token });
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({ id: ids[3], isDefault: true });
  expect(await defaultsOf(u.userId)).toEqual([ids[3]]);

  const replies = await Promise.all([
    ...ids.slice(0, 5).map((id) => t.api('POST', `/api/v1/addresses/${id}/default`, { token: u.token })),
    t.api('PUT', `/api/v1/addresses/${ids[5]}`, { token: u.token, body: input(5, { isDefault: true }) }),
    t.api('DELETE', `/api/v1/addresses/${ids[3]}`, { token: u.token }),
  ]);
  // the delete may win the race for ids[3]; every other call succeeds
  expect(replies.filter((r) => r.status !== 200).map((r) => r.status)).toEqual(replies[3]!.status === 404 ? [404] : []);
  expect(await defaultsOf(u.userId)).toHaveLength(1);
});

it("another user's address is not found, for edit and set-default alike", async () => {
  const owner = await wechatLogin(t, 'edit-owner');
  const other = await wechatLogin(t, 'edit-other');
  const a = await create(owner.token, 1);
  const put = await t.api('PUT', `/api/v1/addresses/${a.id}`, { token: other.token, body: input(9) });
  const def = await t.api('POST', `/api/v1/addresses/${a.id}/default`, { token: other.token });
  expect([put.status, put.body.error.code]).toEqual([404, 'ADDRESS_NOT_FOUND']);
  expect([def.status, def.body.error.code]).toEqual([404, 'ADDRESS_NOT_FOUND']);
  expect((await t.models.address.findByPk(a.id))?.getDataValue('name')).toBe('收件人1');
});

it('a bad phone number is named in the validation details (path "phone"), on create and on edit', async () => {
  const u = await wechatLogin(t, 'edit-bad');
  const a = await create(u.token, 1);
  for (const [method, path] of [
    ['POST', '/api/v1/addresses'],
    ['PUT', `/api/v1/addresses/${a.id}`],
  ] as const) {
    const r = await t.api(method, path, { token: u.token, body: input(1, { phone: '1380013' }) });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toEqual(['phone']);
  }
});
