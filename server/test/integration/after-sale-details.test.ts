// After-sales as the buyer fills them in (MariaDB + Redis): reasons from the fixed list, quantities bounded by
// what was bought minus what other requests hold, up to three photos checked by their bytes and only on one's
// own request, and the operator's return address (audited) copied onto an approved return.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { RETURN_ADDRESS, setReturnAddress } from '../support/after-sales';
import { buyer, createProduct, payAndSettle, placeOrder } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function upload(afterSaleId: number, token: string, bytes: Uint8Array, name = 'photo.png', type = 'image/png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${t.baseUrl}/api/v1/after-sales/${afterSaleId}/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function paidOrder(name: string, quantity: number, ship = false) {
  const { skuId } = await createProduct(t, admin, 20, 2500);
  const b = await buyer(t, name);
  const order = await placeOrder(t, b, skuId, quantity);
  expect(await payAndSettle(t, b.token, order.id)).toBe('to_ship');
  if (ship)
    await t.api('POST', `/api/admin/v1/orders/${order.id}/ship`, {
      token: admin,
      body: { carrier: '顺丰', trackingNo: `SF${order.id}` },
    });
  const itemId = (await t.models.order.OrderItem.findOne({ where: { orderId: order.id } }))!.getDataValue('id');
  return { b, order, itemId };
}

const request = (orderId: number, token: string, body: Record<string, unknown>) =>
  t.api('POST', `/api/v1/orders/${orderId}/after-sales`, { token, body });

it('takes a reason from the fixed list only, keeps the note and the order number, finds it by order number', async () => {
  const { b, order, itemId } = await paidOrder('reasons', 2);
  const lines = [{ orderItemId: itemId, quantity: 1 }];
  const freeText = await request(order.id, b.token, { type: 'refund_only', reason: '随便写的', lines });
  expect([freeText.status, freeText.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  const longNote = await request(order.id, b.token, {
    type: 'refund_only',
    reason: 'ordered_by_mistake',
    note: '多'.repeat(201),
    lines,
  });
  expect(longNote.status).toBe(400);
  expect(await t.models.afterSale.AfterSale.count({ where: { orderId: order.id } })).toBe(0);

  const ok = await request(order.id, b.token, {
    type: 'refund_only',
    reason: 'ordered_by_mistake',
    note: '  拍了两件，只要一件  ',
    lines,
  });
  expect(ok.status).toBe(201);
  expect(ok.body).toMatchObject({
    reason: 'ordered_by_mistake',
    note: '拍了两件，只要一件',
    orderNo: order.orderNo,
    photos: [],
    returnAddress: null,
  });
  const found = await t.api('GET', `/api/admin/v1/after-sales?orderNo=${order.orderNo}`, { token: admin });
  expect(found.body.items.map((a: { id: number }) => a.id)).toEqual([ok.body.id]);
  const mine = await t.api('GET', `/api/v1/after-sales?orderId=${order.id}`, { token: b.token });
  expect(mine.body.total).toBe(1);
});

it('bounds each line by what was bought minus what live requests hold', async () => {
  const { b, order, itemId } = await paidOrder('bounds', 3);
  const other = await buyer(t, 'bounds-stranger');
  const available = async () =>
    (await t.api('GET', `/api/v1/orders/${order.id}/after-sales/available`, { token: b.token })).body;
  expect(await available()).toEqual({ lines: [{ orderItemId: itemId, quantity: 3, available: 3 }] });
  expect((await t.api('GET', `/api/v1/orders/${order.id}/after-sales/available`, { token: other.token })).status).toBe(
    404,
  );

  const four = await request(order.id, b.token, {
    type: 'refund_only',
    reason: 'other',
    lines: [{ orderItemId: itemId, quantity: 4 }],
  });
  expect([four.status, four.body.error.code, four.body.error.details]).toEqual([
    400,
    'AFTER_SALE_QUANTITY_INVALID',
    { orderItemId: itemId, available: 3 },
  ]);
  const two = await request(order.id, b.token, {
    type: 'refund_only',
    reason: 'other',
    lines: [{ orderItemId: itemId, quantity: 2 }],
  });
  expect(two.status).toBe(201);
  expect((await available()).lines[0].available).toBe(1);
  // a cancelled request frees its units again
  await t.api('POST', `/api/v1/after-sales/${two.body.id}/cancel`, { token: b.token });
  expect((await available()).lines[0].available).toBe(3);
});

describe('photos', () => {
  it("accepts up to three images, by content, on one's own request only", async () => {
    const { b, order, itemId } = await paidOrder('photos', 1);
    const stranger = await buyer(t, 'photo-stranger');
    const a = await request(order.id, b.token, {
      type: 'refund_only',
      reason: 'quality_issue',
      lines: [{ orderItemId: itemId, quantity: 1 }],
    });
    const id = a.body.id as number;

    // someone else's request: not found, and nothing stored
    const foreign = await upload(id, stranger.token, PNG);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'AFTER_SALE_NOT_FOUND']);
    // an HTML page named .png with an image content type is not an image
    const html = await upload(id, b.token, Buffer.from('<html><script>alert(1)</script></html>'), 'x.png');
    expect([html.status, html.body.error.code]).toEqual([400, 'IMAGE_TYPE_UNSUPPORTED']);
    const svg = await upload(
      id,
      b.token,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'x.svg',
      'image/svg+xml',
    );
    expect(svg.status).toBe(400);
    // over 5 MB, though it starts like a PNG
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(id, b.token, big);
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(await t.models.afterSale.AfterSalePhoto.count({ where: { afterSaleId: id } })).toBe(0);

    // a real PNG named .txt is an image all the same
    const first = await upload(id, b.token, PNG, 'evidence.txt', 'text/plain');
    expect(first.status).toBe(201);
    expect(first.body.url).toMatch(/^\/uploads\/\d{4}\/\d{2}\/[0-9a-f]+\.png$/);
    const served = await fetch(`${t.baseUrl}${first.body.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');

    // parallel uploads never make a fourth
    const rest = await Promise.all(Array.from({ length: 4 }, () => upload(id, b.token, PNG)));
    expect(rest.filter((r) => r.status === 201)).toHaveLength(2);
    expect(rest.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual([
      'AFTER_SALE_PHOTO_LIMIT',
      'AFTER_SALE_PHOTO_LIMIT',
    ]);
    const view = await t.api('GET', `/api/v1/after-sales/${id}`, { token: b.token });
    expect(view.body.photos).toHaveLength(3);
    expect(view.body.photos[0].url).toBe(first.body.url);
    const listed = await t.api('GET', `/api/admin/v1/after-sales?orderNo=${order.orderNo}`, { token: admin });
    expect(listed.body.items[0].photos).toHaveLength(3);
  });

  it('refuses photos once the request is decided', async () => {
    const { b, order, itemId } = await paidOrder('photos-late', 1);
    const a = await request(order.id, b.token, {
      type: 'refund_only',
      reason: 'other',
      lines: [{ orderItemId: itemId, quantity: 1 }],
    });
    await t.api('POST', `/api/admin/v1/after-sales/${a.body.id}/reject`, { token: admin, body: { note: '不符合' } });
    const late = await upload(a.body.id, b.token, PNG);
    expect([late.status, late.body.error.code]).toEqual([409, 'AFTER_SALE_STATE_INVALID']);
  });
});

it('a return needs the return address; the approved return keeps the address it was approved with', async () => {
  const { b, order, itemId } = await paidOrder('return-address', 1, true);
  const a = await request(order.id, b.token, {
    type: 'return_refund',
    reason: 'damaged',
    note: '外箱压坏',
    lines: [{ orderItemId: itemId, quantity: 1 }],
  });
  expect(a.status).toBe(201);
  await t.api('PUT', '/api/admin/v1/settings/after-sale', { token: admin, body: { returnAddress: null } });
  const missing = await t.api('POST', `/api/admin/v1/after-sales/${a.body.id}/approve`, { token: admin });
  expect([missing.status, missing.body.error.code]).toEqual([409, 'RETURN_ADDRESS_MISSING']);

  const badPhone = await t.api('PUT', '/api/admin/v1/settings/after-sale', {
    token: admin,
    body: { returnAddress: { ...RETURN_ADDRESS, phone: 'call me' } },
  });
  expect(badPhone.status).toBe(400);
  await setReturnAddress(t, admin);
  expect((await t.api('GET', '/api/admin/v1/settings/after-sale', { token: admin })).body).toEqual({
    returnAddress: RETURN_ADDRESS,
  });
  const audit = await t.api('GET', '/api/admin/v1/audit-logs?entity=settings&entityId=after_sale', { token: admin });
  expect(audit.body.items[0]).toMatchObject({ action: 'settings.update', after: { returnAddress: RETURN_ADDRESS } });

  const approved = await t.api('POST', `/api/admin/v1/after-sales/${a.body.id}/approve`, { token: admin });
  expect(approved.body).toMatchObject({ status: 'awaiting_return', returnAddress: RETURN_ADDRESS });
  await setReturnAddress(t, admin, { ...RETURN_ADDRESS, address: '上海市浦东新区新仓库 8 号' });
  const seen = await t.api('GET', `/api/v1/after-sales/${a.body.id}`, { token: b.token });
  expect(seen.body.returnAddress).toEqual(RETURN_ADDRESS);

  const sent = await t.api('POST', `/api/v1/after-sales/${a.body.id}/return`, {
    token: b.token,
    body: { carrier: '中通快递', trackingNo: 'ZT123456' },
  });
  expect(sent.body).toMatchObject({ status: 'returning', returnCarrier: '中通快递', returnTrackingNo: 'ZT123456' });
  const listed = await t.api('GET', `/api/admin/v1/after-sales?orderNo=${order.orderNo}`, { token: admin });
  expect(listed.body.items[0]).toMatchObject({ note: '外箱压坏', reason: 'damaged', returnTrackingNo: 'ZT123456' });
});
