// Audit actions and entities in words an operator reads. Actions are "<entity>.<verb>", optionally behind a module
// ("groupbuy.group.close"); anything unknown shows as the raw string, so a new action is never hidden.

export const ENTITY_LABELS: Record<string, string> = {
  product: '商品',
  category: '分类',
  order: '订单',
  after_sale: '售后',
  refund: '退款',
  payment: '支付',
  settings: '设置',
  operator: '操作员',
  campaign: '拼团活动',
  groupbuy_campaign: '拼团活动',
  group: '拼团团',
  groupbuy_group: '拼团团',
};

const VERBS: Record<string, string> = {
  create: '创建',
  update: '修改',
  delete: '删除',
  cancel: '取消',
  ship: '发货',
  refund: '退款',
  approve: '同意',
  reject: '驳回',
  receive: '确认收货',
  close: '手动结束',
  enable: '启用',
  disable: '停用',
  on_shelf: '上架',
  off_shelf: '下架',
  login: '登录',
  reset_password: '重置密码',
};

/** Whole actions whose words are not verb + entity. */
const ACTIONS: Record<string, string> = {
  'groupbuy.group.close': '手动结束拼团',
  'settings.update': '修改设置',
  'order.refund': '整单退款',
  'operator.change_role': '修改操作员角色',
  'operator.reset_password': '重置操作员密码',
  'operator.change_password': '修改自己的密码',
};

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}

export function actionLabel(action: string): string {
  if (ACTIONS[action]) return ACTIONS[action];
  const parts = action.split('.');
  const verb = VERBS[parts[parts.length - 1] ?? ''];
  const entity = ENTITY_LABELS[parts[parts.length - 2] ?? ''];
  return verb && entity ? `${verb}${entity}` : action;
}

/** The entity filter's suggestions: every known entity name with its words. */
export const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS).map(([value, label]) => ({
  value,
  label: `${label}（${value}）`,
}));
