// H5 login codes allow 5 wrong guesses (issue 9, item 10): under 30 parallel guesses exactly 5 are counted, never
// 6 or 30, and the right code after them is refused; a right code racing wrong ones still makes at most 5 decisive
// answers in all. Checked on the database afterwards.
import { LOGIN_CODE } from '../../src/modules/identity/domain/login-code';
import { startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function sendCode(phone: string): Promise<string> {
  const sent = await t.api('POST', '/api/v1/auth/h5/sms-code', { body: { phone } });
  expect(sent.status).toBe(200);
  return sent.body.sandboxCode;
}
const wrongCodes = (right: string, n: number) =>
  Array.from({ length: n }, (_, i) => String((Number(right) + i + 1) % 1_000_000).padStart(6, '0'));
const guess = (phone: string, code: string) => t.api('POST', '/api/v1/auth/h5/login', { body: { phone, code } });
const codeRow = async (phone: string) =>
  (await t.models.identity.LoginCode.findOne({ where: { phone }, order: [['id', 'DESC']] }))!.get({ plain: true });

it('30 parallel wrong guesses: exactly 5 are counted (MISMATCH), 25 refused, and the right code is refused after', async () => {
  const phone = '13900000001';
  const right = await sendCode(phone);
  const answers = await Promise.all(wrongCodes(right, 30).map((c) => guess(phone, c)));
  const codes = answers.map((r) => `${r.status} ${r.body.error?.code}`);
  expect(codes.filter((c) => c === '400 LOGIN_CODE_MISMATCH')).toHaveLength(LOGIN_CODE.maxAttempts);
  expect(codes.filter((c) => c === '400 LOGIN_CODE_TOO_MANY_ATTEMPTS')).toHaveLength(30 - LOGIN_CODE.maxAttempts);
  expect((await codeRow(phone)).attempts).toBe(LOGIN_CODE.maxAttempts);

  const late = await guess(phone, right);
  expect(late.status).toBe(400);
  expect(late.body.error.code).toBe('LOGIN_CODE_TOO_MANY_ATTEMPTS');
  expect((await codeRow(phone)).consumedAt).toBeNull();
  expect(await t.models.identity.Identity.count({ where: { provider: 'phone', subject: phone } })).toBe(0);
});

it('the right code racing 29 wrong ones: at most 5 decisive answers in all, the code used at most once', async () => {
  const phone = '13900000002';
  const right = await sendCode(phone);
  const codes = wrongCodes(right, 29);
  codes.splice(7, 0, right);
  const answers = await Promise.all(codes.map((c) => guess(phone, c)));
  const mismatches = answers.filter((r) => r.body.error?.code === 'LOGIN_CODE_MISMATCH').length;
  const logins = answers.filter((r) => r.status === 200).length;
  expect(logins).toBeLessThanOrEqual(1);
  expect(mismatches + logins).toBeLessThanOrEqual(LOGIN_CODE.maxAttempts);
  const row = await codeRow(phone);
  expect(row.attempts).toBe(mismatches);
  expect(row.consumedAt === null).toBe(logins === 0);
  expect(answers.every((r) => r.status === 200 || r.status === 400)).toBe(true);
});
