import { yuanToFen } from '@display';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { fromPickerValue, PICKER_FORMAT } from '../../shared/time/picker';
import { useCreateCoupon, type CouponBody } from './api';

interface Values {
  name: string;
  type: 'amount_off' | 'percent_off' | 'no_threshold';
  threshold?: string;
  amountOff?: string;
  /** 折 as shoppers read it: 8.5 = 15 % off */
  zhe?: number;
  maxOff?: string;
  validityKind: 'days' | 'fixed';
  days?: number;
  window?: [Dayjs, Dayjs];
  total: number;
  perUserLimit: number;
  claimable: boolean;
}

const fen = (yuan: string | undefined) => (yuan?.trim() ? yuanToFen(yuan) : undefined);

/** The form's values as the API's body; a sentence for the operator when an amount is not money. */
function bodyOf(v: Values): { body: CouponBody } | { error: string } {
  const amounts = { thresholdFen: fen(v.threshold), amountOffFen: fen(v.amountOff), maxOffFen: fen(v.maxOff) };
  if (Object.values(amounts).some((a) => a === null)) return { error: '金额格式不正确（如 100 或 9.90）' };
  const validity =
    v.validityKind === 'days'
      ? { kind: 'days' as const, days: v.days ?? 7 }
      : { kind: 'fixed' as const, startAt: fromPickerValue(v.window?.[0])!, endAt: fromPickerValue(v.window?.[1])! };
  if (validity.kind === 'fixed' && (!validity.startAt || !validity.endAt)) return { error: '请选择有效期' };
  return {
    body: {
      name: v.name,
      type: v.type,
      ...(v.type === 'percent_off'
        ? { percentOff: Math.round(100 - (v.zhe ?? 0) * 10), maxOffFen: amounts.maxOffFen ?? undefined }
        : { amountOffFen: amounts.amountOffFen ?? undefined }),
      ...(v.type !== 'no_threshold' && amounts.thresholdFen ? { thresholdFen: amounts.thresholdFen } : {}),
      validity,
      total: v.total,
      perUserLimit: v.perUserLimit,
      claimable: v.claimable,
    },
  };
}

/** 新建优惠券: the terms, the validity, the total and the per-user limit (全场通用; scopes come with checkout). */
export function CouponForm({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCoupon();
  const type = Form.useWatch('type', form);
  const validityKind = Form.useWatch('validityKind', form);
  const submit = (v: Values) => {
    const out = bodyOf(v);
    if ('error' in out) return void message.error(out.error);
    create.mutate(out.body, {
      onSuccess: () => {
        void message.success('优惠券已创建');
        onClose();
      },
      onError: (e) => void message.error(e.message),
    });
  };
  return (
    <Drawer open={open} onClose={onClose} size={520} title="新建优惠券" destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          type: 'amount_off',
          validityKind: 'days',
          days: 7,
          total: 100,
          perUserLimit: 1,
          claimable: true,
        }}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]}>
          <Input data-testid="coupon-name" maxLength={60} placeholder="如 满100减20" />
        </Form.Item>
        <Form.Item name="type" label="类型">
          <Select
            data-testid="coupon-type"
            options={[
              { value: 'amount_off', label: '满减券' },
              { value: 'percent_off', label: '折扣券' },
              { value: 'no_threshold', label: '无门槛券' },
            ]}
          />
        </Form.Item>
        {type !== 'no_threshold' && (
          <Form.Item name="threshold" label={type === 'percent_off' ? '使用门槛（元，选填）' : '使用门槛（满多少元）'}>
            <Input data-testid="coupon-threshold" placeholder="如 100" />
          </Form.Item>
        )}
        {type === 'percent_off' ? (
          <>
            <Form.Item name="zhe" label="折扣（折）" rules={[{ required: true, message: '请输入折扣' }]}>
              <InputNumber data-testid="coupon-zhe" min={0.1} max={9.9} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="maxOff" label="最高优惠（元，选填）">
              <Input placeholder="如 30" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="amountOff" label="减免金额（元）" rules={[{ required: true, message: '请输入减免金额' }]}>
            <Input data-testid="coupon-amount" placeholder="如 20" />
          </Form.Item>
        )}
        <Form.Item name="validityKind" label="有效期">
          <Radio.Group
            options={[
              { value: 'days', label: '领取后 N 天' },
              { value: 'fixed', label: '固定日期（北京时间）' },
            ]}
          />
        </Form.Item>
        {validityKind === 'fixed' ? (
          <Form.Item name="window" rules={[{ required: true, message: '请选择有效期' }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item name="days" label="天数">
            <InputNumber min={1} max={365} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="total" label="发放总量" rules={[{ required: true }]}>
          <InputNumber data-testid="coupon-total" min={1} max={10_000_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="perUserLimit" label="每人限领">
          <InputNumber min={1} max={100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="claimable" label="在领券中心可领" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button data-testid="coupon-save" type="primary" htmlType="submit" loading={create.isPending}>
          保存
        </Button>
      </Form>
    </Drawer>
  );
}
