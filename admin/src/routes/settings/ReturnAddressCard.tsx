import type { AfterSaleSettingsDoc, ReturnAddress } from '@contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Skeleton, Typography } from 'antd';
import { api } from '../../shared/api/client';

const key = ['settings', 'after-sale'] as const;
const PATH = '/api/admin/v1/settings/after-sale';

/** Where buyers send returns: approving a return shows it to the buyer (and needs it set). Saving is audited. */
export function ReturnAddressCard() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<AfterSaleSettingsDoc>(PATH, undefined, signal),
    staleTime: 0,
  });
  const save = useMutation({
    mutationFn: (body: AfterSaleSettingsDoc) => api.put<AfterSaleSettingsDoc>(PATH, body),
    onSuccess: (saved) => client.setQueryData(key, saved),
  });

  const onFinish = async (v: ReturnAddress) => {
    try {
      await save.mutateAsync({ returnAddress: v });
      void message.success('退货地址已保存');
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '保存失败，请稍后再试');
    }
  };

  return (
    <Card className="page-card return-address-card" title="退货地址" style={{ marginTop: 16 }}>
      {settings.isError ? (
        <Alert type="error" showIcon title="退货地址加载失败" description={settings.error.message} />
      ) : !settings.data ? (
        <Skeleton active />
      ) : (
        <Form<ReturnAddress>
          key={settings.dataUpdatedAt}
          layout="vertical"
          initialValues={settings.data.returnAddress ?? undefined}
          onFinish={onFinish}
          style={{ maxWidth: 520 }}
        >
          {!settings.data.returnAddress && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="尚未填写退货地址：填写之前不能同意退货退款申请"
            />
          )}
          <Form.Item label="收件人" name="name" rules={[{ required: true, whitespace: true, message: '请填写收件人' }]}>
            <Input data-testid="return-address-name" maxLength={32} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            label="联系电话"
            name="phone"
            rules={[
              { required: true, message: '请填写联系电话' },
              { pattern: /^\+?[\d\- ]{5,20}$/, message: '请填写正确的联系电话，如 13800138000 或 0571-88886666' },
            ]}
          >
            <Input data-testid="return-address-phone" maxLength={20} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            label="详细地址"
            name="address"
            rules={[
              { required: true, whitespace: true, message: '请填写详细地址' },
              { min: 4, message: '地址太短' },
            ]}
          >
            <Input.TextArea data-testid="return-address-address" maxLength={200} rows={2} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            之后同意的退货使用新地址；已同意的退货仍显示同意时的地址。
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" data-testid="return-address-save" loading={save.isPending}>
            保存退货地址
          </Button>
        </Form>
      )}
    </Card>
  );
}
