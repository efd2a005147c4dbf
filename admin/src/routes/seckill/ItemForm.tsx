import { formatFen, yuanToFen } from '@display';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useAdminProduct } from '../products/api/product-edit';
import { useProducts } from '../products/api/products';
import { useAddItem } from './api';

interface Values {
  productId: number;
  skuId: number;
  price: string;
  stock: number;
  perUserLimit: number;
}

/** 添加秒杀商品: a SKU, its seckill price, the units moved out of the SKU's stock, and the per-user limit. */
export function ItemForm({ sessionId, open, onClose }: { sessionId: number; open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState<string | undefined>();
  const [productId, setProductId] = useState<number | null>(null);
  const products = useProducts({ q, page: 1, pageSize: 20 });
  const product = useAdminProduct(productId);
  const add = useAddItem(sessionId);

  const submit = (v: Values) => {
    const priceFen = yuanToFen(v.price);
    if (priceFen === null || priceFen <= 0) return void message.error('请输入正确的秒杀价');
    add.mutate(
      { skuId: v.skuId, priceFen, stock: v.stock, perUserLimit: v.perUserLimit },
      {
        onSuccess: () => {
          void message.success('秒杀商品已添加，库存已从规格中划出');
          onClose();
        },
        onError: (e) => void message.error(e.message),
      },
    );
  };
  return (
    <Modal
      open={open}
      title="添加秒杀商品"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="添加"
      okButtonProps={{ loading: add.isPending, 'data-testid': 'sk-item-save' } as never}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ perUserLimit: 1 }}>
        <Form.Item name="productId" label="商品" rules={[{ required: true, message: '请选择商品' }]}>
          <Select
            data-testid="sk-item-product"
            showSearch={{ filterOption: false, onSearch: (v) => setQ(v.trim() || undefined) }}
            onChange={(v: number) => {
              setProductId(v);
              form.setFieldValue('skuId', undefined);
            }}
            options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Form.Item name="skuId" label="规格" rules={[{ required: true, message: '请选择规格' }]}>
          <Select
            data-testid="sk-item-sku"
            disabled={!product.data}
            options={(product.data?.skus ?? []).map((s) => ({
              value: s.id,
              label: `${Object.values(s.specs).join(' / ') || '默认'}（${formatFen(s.priceFen)}，库存 ${s.stock}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="price" label="秒杀价（元）" rules={[{ required: true, message: '请输入秒杀价' }]}>
          <Input data-testid="sk-item-price" placeholder="如 9.9" />
        </Form.Item>
        <Form.Item name="stock" label="秒杀库存（从规格库存划出）" rules={[{ required: true, message: '请输入库存' }]}>
          <InputNumber data-testid="sk-item-stock" min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="perUserLimit" label="每人限购（件，跨订单）">
          <InputNumber min={1} max={99} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
