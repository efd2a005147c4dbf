// What every status is called on screen: one word per status, the same in the admin and the shop (the admin used
// to say 已成团 where the shop said 拼团成功). Keys are the API's values (contracts/*.ts); display.test.ts checks
// that every status the contracts declare has a label here.

export const STATUS_LABELS = {
  order: {
    pending_payment: '待付款',
    awaiting_group: '待成团',
    to_ship: '待发货',
    shipped: '已发货',
    completed: '已完成',
    cancelled: '已取消',
    refunding: '退款中',
    refunded: '已退款',
  },
  group: {
    pending: '待团长付款',
    open: '拼团中',
    succeeded: '拼团成功',
    failed: '拼团失败',
  },
  /** why a group ended (groups.close_reason) */
  groupCloseReason: {
    full: '满员成团',
    virtual_completion: '模拟成团',
    expired: '到期未成团',
    operator: '手动结束',
    leader_unpaid: '团长未付款',
  },
  /** a group member's seat */
  member: {
    reserved: '已占座待付款',
    paid: '已付款',
    released: '已释放',
    refunded: '已退款',
  },
  payment: {
    created: '待支付',
    paid: '已支付',
    closed: '已关闭',
  },
  /** how an order was paid (payments.channel) */
  paymentChannel: {
    wechat: '微信支付',
    alipay: '支付宝',
  },
  refund: {
    pending: '待退款',
    processing: '退款中',
    succeeded: '已退款',
    failed: '退款失败',
  },
  refundReason: {
    late_payment: '取消后到账',
    duplicate_payment: '重复支付',
    group_failed: '拼团失败',
    after_sale: '售后',
    operator: '商家退款',
  },
  afterSale: {
    requested: '待审核',
    awaiting_return: '待买家退货',
    returning: '买家已寄回',
    refunding: '退款中',
    refunded: '已退款',
    rejected: '已驳回',
    cancelled: '已撤销',
  },
  afterSaleType: {
    refund_only: '仅退款',
    return_refund: '退货退款',
  },
  /** why a buyer asks for an after-sale: the fixed list the server accepts (contracts/after-sale.ts) */
  afterSaleReason: {
    no_longer_needed: '不想要了',
    ordered_by_mistake: '拍错/多拍了',
    quality_issue: '质量问题',
    damaged: '商品破损',
    not_as_described: '与描述不符',
    wrong_item_sent: '发错货',
    missing_items: '少件/漏发',
    other: '其他',
  },
} as const satisfies Record<string, Record<string, string>>;

export type StatusKind = keyof typeof STATUS_LABELS;
export type StatusOf<K extends StatusKind> = keyof (typeof STATUS_LABELS)[K] & string;

/** The label of a status; an unknown status (a newer server) shows as itself rather than as nothing. */
export function statusLabel(kind: StatusKind, status: string): string {
  const labels: Record<string, string> = STATUS_LABELS[kind];
  return labels[status] ?? status;
}

/** `{ value, label }` for every status of a kind, in the order above: filters and selects. */
export function statusOptions<K extends StatusKind>(kind: K): { value: StatusOf<K>; label: string }[] {
  return Object.entries(STATUS_LABELS[kind]).map(([value, label]) => ({ value: value as StatusOf<K>, label }));
}
