export const ORDER_STATUS: Record<string, { label: string; color: string }> = {
  pending_payment: { label: '待付款', color: 'orange' },
  awaiting_group: { label: '待成团', color: 'purple' },
  to_ship: { label: '待发货', color: 'blue' },
  shipped: { label: '已发货', color: 'cyan' },
  completed: { label: '已完成', color: 'green' },
  cancelled: { label: '已取消', color: 'default' },
  refunding: { label: '退款中', color: 'magenta' },
  refunded: { label: '已退款', color: 'default' },
};

export const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '申通快递', '京东物流', '邮政EMS'];

export const PAYMENT_STATUS: Record<string, string> = { created: '待支付', paid: '已支付', closed: '已关闭' };
export const REFUND_STATUS: Record<string, string> = {
  pending: '待提交',
  processing: '退款中',
  succeeded: '已退款',
  failed: '失败',
};
export const REFUND_REASON: Record<string, string> = {
  late_payment: '取消后到账',
  duplicate_payment: '重复支付',
  group_failed: '拼团失败',
  after_sale: '售后',
  operator: '商家退款',
};
