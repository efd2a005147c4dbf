import type { AdminProductList, ProductDetail } from '@contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Switch, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/client';
import { formatFen, yuanToFen } from '../../shared/format/money';

interface Values {
  productId: number;
  title?: string;
  size: number;
  validityHours: number;
  perUserLimit: number;
  newUsersOnly: boolean;
  virtualCompletion: boolean;
  virtualThresholdPct: number;
  prices: Record<string, { group?: string; leader?: string }>;
}

/** Create a group-buy campaign: a product, its SKUs' group (and leader) prices in yuan, and the rules. */
export function CampaignForm({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [productId, setProductId] = useState<number | null>(null);
  const products = useQuery({
    queryKey: ['gb-products'],
    queryFn: ({ signal }) => api.get<AdminProductList>('/api/admin/v1/products', { pageSize: 100 }, signal),
  });
  const product = useQuery({
    queryKey: ['gb-product', productId],
    enabled: productId !== null,
    queryFn: ({ signal }) => api.get<ProductDetail>(`/api/v1/products/${productId}`, undefined, signal),
  });
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<{ id: number }>('/api/admin/v1/groupbuy/campaigns', body),
    onSuccess: () => {
      void message.success('拼团活动已创建');
      void client.invalidateQueries({ queryKey: ['gb-campaigns'] });
      form.resetFields();
      onClose();
    },
    onError: (e: Error) => void message.error(e.message),
  });

  const submit = (v: Values) => {
    const skus = (product.data?.skus ?? []).flatMap((s) => {
      const p = v.prices?.[s.id];
      const group = p?.group ? yuanToFen(p.group) : null;
      if (group === null) return [];
      const leader = p?.leader ? yuanToFen(p.leader) : null;
      return [{ skuId: s.id, groupPriceFen: group, leaderPriceFen: leader }];
    });
    if (!skus.length) return void message.error('至少给一个规格填写拼团价');
    const { prices: _p, ...rest } = v;
    save.mutate({ ...rest, skus });
  };

  return (
    <Drawer open={open} onClose={onClose} width={620} title="新建拼团活动" destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          size: 2,
          validityHours: 24,
          perUserLimit: 0,
          newUsersOnly: false,
          virtualCompletion: false,
          virtualThresholdPct: 50,
        }}
      >
        <Form.Item name="productId" label="商品" rules={[{ required: true }]}>
          <Select
            data-testid="gb-campaign-product"
            showSearch
            optionFilterProp="label"
            onChange={(id: number) => setProductId(id)}
            options={products.data?.items.map((p) => ({
              value: p.id,
              label: `${p.title}（${formatFen(p.priceFen)}）`,
            }))}
          />
        </Form.Item>
        {product.data && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={product.data.skus}
            columns={[
              { title: '规格', render: (_, s) => Object.values(s.specs).join(' / ') || '默认' },
              { title: '原价', render: (_, s) => formatFen(s.priceFen), width: 90 },
              {
                title: '拼团价（元）',
                render: (_, s) => (
                  <Form.Item name={['prices', String(s.id), 'group']} noStyle>
                    <Input data-testid="gb-campaign-price" placeholder="如 59.9" />
                  </Form.Item>
                ),
              },
              {
                title: '团长价（元，选填）',
                render: (_, s) => (
                  <Form.Item name={['prices', String(s.id), 'leader']} noStyle>
                    <Input placeholder="选填" />
                  </Form.Item>
                ),
              },
            ]}
          />
        )}
        <Form.Item name="title" label="活动标题（默认用商品名）">
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="size" label="成团人数" rules={[{ required: true }]}>
          <InputNumber min={2} max={100} />
        </Form.Item>
        <Form.Item name="validityHours" label="成团有效期（小时，从团长付款起）">
          <InputNumber min={1} max={720} />
        </Form.Item>
        <Form.Item name="perUserLimit" label="每人限参团次数（0 为不限）">
          <InputNumber min={0} max={1000} />
        </Form.Item>
        <Form.Item name="newUsersOnly" label="仅限新用户" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="virtualCompletion" label="模拟成团" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="virtualThresholdPct" label="模拟成团门槛（真实付款人数占比 %）">
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Button data-testid="gb-campaign-save" type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Drawer>
  );
}
