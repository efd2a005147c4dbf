import type { OrderSettingsDoc } from '@contracts';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Spin, Typography } from 'antd';
import type { FormRule } from 'antd';
import { fenToYuan, yuanToFen } from '@display';
import { useOrderSettings, useSaveOrderSettings } from './api';
import { ReturnAddressCard } from './ReturnAddressCard';

interface Values {
  paymentTimeoutMinutes: number;
  autoConfirmDays: number;
  /** yuan, as typed */
  shippingFlatFee: string;
  freeShippingOver: string;
}

const MAX_SHIPPING_FEN = 100_000;

const yuanRules = (label: string, maxFen?: number): FormRule[] => [
  { required: true, message: `请填写${label}` },
  {
    validator: async (_, value: string | undefined) => {
      if (value === undefined || value.trim() === '') return;
      const fen = yuanToFen(value);
      if (fen === null) throw new Error('请输入金额，最多两位小数');
      if (maxFen !== undefined && fen > maxFen) throw new Error(`不能超过 ${fenToYuan(maxFen)} 元`);
    },
  },
];

const toValues = (doc: OrderSettingsDoc): Values => ({
  paymentTimeoutMinutes: doc.paymentTimeoutMinutes,
  autoConfirmDays: doc.autoConfirmDays,
  shippingFlatFee: fenToYuan(doc.shippingFlatFeeFen),
  freeShippingOver: fenToYuan(doc.freeShippingOverFen),
});

function OrderSettingsForm({ settings }: { settings: OrderSettingsDoc }) {
  const { message } = App.useApp();
  const save = useSaveOrderSettings();

  const onFinish = async (v: Values) => {
    try {
      await save.mutateAsync({
        paymentTimeoutMinutes: v.paymentTimeoutMinutes,
        autoConfirmDays: v.autoConfirmDays,
        shippingFlatFeeFen: yuanToFen(v.shippingFlatFee) ?? 0,
        freeShippingOverFen: yuanToFen(v.freeShippingOver) ?? 0,
      });
      void message.success('设置已保存');
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '保存失败，请稍后再试');
    }
  };

  return (
    <Form<Values> layout="vertical" initialValues={toValues(settings)} onFinish={onFinish} style={{ maxWidth: 520 }}>
      <Typography.Title level={5}>订单时效</Typography.Title>
      <Form.Item
        label="未付款自动取消"
        name="paymentTimeoutMinutes"
        extra="下单后超过该时长未付款，订单自动取消并释放库存（5–1440 分钟）"
        rules={[{ required: true, message: '请填写未付款自动取消时间' }]}
      >
        <InputNumber
          data-testid="settings-payment-timeout"
          min={5}
          max={1440}
          precision={0}
          suffix="分钟"
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item
        label="自动确认收货"
        name="autoConfirmDays"
        extra="发货后超过该天数用户未确认收货，系统自动确认（1–30 天）"
        rules={[{ required: true, message: '请填写自动确认收货天数' }]}
      >
        <InputNumber
          data-testid="settings-auto-confirm"
          min={1}
          max={30}
          precision={0}
          suffix="天"
          style={{ width: 200 }}
        />
      </Form.Item>

      <Typography.Title level={5}>运费</Typography.Title>
      <Form.Item
        label="统一运费（元）"
        name="shippingFlatFee"
        extra="每笔订单收取的运费，0 为免运费"
        rules={yuanRules('统一运费', MAX_SHIPPING_FEN)}
      >
        <Input
          data-testid="settings-shipping-fee"
          prefix="¥"
          inputMode="decimal"
          maxLength={12}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item
        label="满额包邮（元）"
        name="freeShippingOver"
        extra="订单商品金额达到该金额免运费；0 表示始终包邮"
        rules={yuanRules('包邮门槛')}
      >
        <Input data-testid="settings-free-over" prefix="¥" inputMode="decimal" maxLength={12} style={{ width: 200 }} />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        保存后对新订单立即生效（各服务实例最多 5 秒内同步）。
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" data-testid="settings-save" loading={save.isPending}>
        保存设置
      </Button>
    </Form>
  );
}

export function SettingsPage() {
  const settings = useOrderSettings();
  return (
    <>
      <Card className="page-card" title="订单设置">
        {settings.isError ? (
          <Alert
            type="error"
            showIcon
            title="设置加载失败"
            description={settings.error.message}
            action={
              <Button size="small" onClick={() => void settings.refetch()}>
                重试
              </Button>
            }
          />
        ) : settings.data ? (
          // a newer copy (a reload, a save) starts the form afresh
          <OrderSettingsForm key={settings.dataUpdatedAt} settings={settings.data} />
        ) : (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        )}
      </Card>
      <ReturnAddressCard />
    </>
  );
}
