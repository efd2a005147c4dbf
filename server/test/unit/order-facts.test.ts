// The order record the shop's order detail and the admin's drawer show (contracts/display/order-facts).
import { orderFacts } from '../../src/contracts/display';

const placed = {
  orderNo: 'L202612070001',
  createdAt: '2026-12-07T02:00:00.000Z',
  paidAt: null,
  carrier: null,
  trackingNo: null,
  shippedAt: null,
  completedAt: null,
  cancelledAt: null,
};
const payment = (channel: 'wechat' | 'alipay', status: 'created' | 'paid' | 'closed') => ({
  channel,
  status,
  amountFen: 100,
  paidFen: status === 'paid' ? 100 : 0,
  transactionId: null,
  paidAt: null,
});

test.each([
  [
    'placed, not paid',
    placed,
    null,
    [
      ['订单编号', 'L202612070001'],
      ['下单时间', '2026-12-07 10:00:00'],
    ],
  ],
  [
    'paid by WeChat Pay (an Alipay attempt closed first)',
    { ...placed, paidAt: '2026-12-07T02:01:30.000Z' },
    { payments: [payment('alipay', 'closed'), payment('wechat', 'paid')] },
    [
      ['订单编号', 'L202612070001'],
      ['下单时间', '2026-12-07 10:00:00'],
      ['支付时间', '2026-12-07 10:01:30'],
      ['支付方式', '微信支付'],
    ],
  ],
  [
    'shipped and received',
    {
      ...placed,
      paidAt: '2026-12-07T02:01:30.000Z',
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
      shippedAt: '2026-12-07T16:30:00.000Z', // after midnight in Shanghai: the next day
      completedAt: '2026-12-09T01:00:00.000Z',
    },
    { payments: [payment('alipay', 'paid')] },
    [
      ['订单编号', 'L202612070001'],
      ['下单时间', '2026-12-07 10:00:00'],
      ['支付时间', '2026-12-07 10:01:30'],
      ['支付方式', '支付宝'],
      ['物流公司', '顺丰速运'],
      ['运单号', 'SF1234567890'],
      ['发货时间', '2026-12-08 00:30:00'],
      ['收货时间', '2026-12-09 09:00:00'],
    ],
  ],
  [
    'cancelled unpaid',
    { ...placed, cancelledAt: '2026-12-07T02:15:00.000Z' },
    { payments: [payment('wechat', 'closed')] },
    [
      ['订单编号', 'L202612070001'],
      ['下单时间', '2026-12-07 10:00:00'],
      ['取消时间', '2026-12-07 10:15:00'],
    ],
  ],
] as const)('%s', (_name, order, payments, facts) => expect(orderFacts(order, payments as never)).toEqual(facts));
