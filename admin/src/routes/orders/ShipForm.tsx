import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select } from 'antd';
import { api } from '../../shared/api/client';
import { CARRIERS } from './carriers';

/** Ship one order: carrier and tracking number. In the order drawer and in the list's 发货 dialog alike. */
export function ShipForm({ orderId, onShipped }: { orderId: number; onShipped?(): void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const ship = useMutation({
    mutationFn: (body: { carrier: string; trackingNo: string }) =>
      api.post(`/api/admin/v1/orders/${orderId}/ship`, body),
    onSuccess: () => {
      void message.success('已发货');
      void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('order') });
      onShipped?.();
    },
    onError: (e: Error) => void message.error(e.message),
  });
  return (
    <Form layout="inline" onFinish={(v: { carrier: string; trackingNo: string }) => ship.mutate(v)}>
      <Form.Item name="carrier" rules={[{ required: true, message: '选择快递公司' }]}>
        <Select
          data-testid="order-ship-carrier"
          placeholder="快递公司"
          aria-label="快递公司"
          style={{ width: 140 }}
          options={CARRIERS.map((c) => ({ value: c, label: c }))}
        />
      </Form.Item>
      <Form.Item name="trackingNo" rules={[{ required: true, message: '填写运单号' }]}>
        <Input data-testid="order-ship-tracking" placeholder="运单号" aria-label="运单号" />
      </Form.Item>
      <Button data-testid="order-ship-submit" type="primary" htmlType="submit" loading={ship.isPending}>
        发货
      </Button>
    </Form>
  );
}
