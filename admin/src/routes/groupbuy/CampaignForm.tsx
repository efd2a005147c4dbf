import type { Campaign } from '@contracts';
import { formatFen } from '@display';
import {
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
} from 'antd';
import { useState } from 'react';
import { useAdminProduct } from '../products/api/product-edit';
import { useProducts } from '../products/api/products';
import { PICKER_FORMAT } from '../../shared/time/picker';
import { useCampaign, useSaveCampaign } from './api';
import { campaignBodyOf, campaignValues, NEW_CAMPAIGN, type CampaignValues } from './campaign-form';

/** `{ id: null }` creates a campaign, `{ id }` edits one, null is closed. */
export type Editing = { id: number | null } | null;

/** Create or edit a group-buy campaign: a product's SKUs at group (and leader) prices, the rules and the window. */
export function CampaignForm({ editing, onClose }: { editing: Editing; onClose(): void }) {
  const id = editing?.id ?? null;
  const campaign = useCampaign(id);
  const ready = editing !== null && (id === null || !!campaign.data);
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      size={640}
      title={id === null ? '新建拼团活动' : `编辑拼团活动：${campaign.data?.title ?? ''}`}
      loading={!ready}
      destroyOnHidden
    >
      {ready && <CampaignEditor key={id ?? 'new'} campaign={campaign.data ?? null} onDone={onClose} />}
    </Drawer>
  );
}

function CampaignEditor({ campaign, onDone }: { campaign: Campaign | null; onDone(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CampaignValues>();
  const [productId, setProductId] = useState<number | null>(campaign?.productId ?? null);
  const [q, setQ] = useState<string | undefined>();
  const products = useProducts({ q, page: 1, pageSize: 20 });
  const product = useAdminProduct(productId);
  const save = useSaveCampaign();

  const options = (products.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.title}（${formatFen(p.priceFen)}）`,
  }));
  if (campaign && !options.some((o) => o.value === campaign.productId))
    options.unshift({ value: campaign.productId, label: campaign.title });

  const submit = (v: CampaignValues) => {
    const out = campaignBodyOf(v, product.data);
    if ('error' in out) return void message.error(out.error);
    save.mutate(
      { id: campaign?.id ?? null, body: out.body },
      {
        onSuccess: () => {
          void message.success(campaign ? '拼团活动已保存' : '拼团活动已创建');
          onDone();
        },
        onError: (e) => void message.error(e.message),
      },
    );
  };

  return (
    <Form<CampaignValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={campaign ? campaignValues(campaign) : NEW_CAMPAIGN}
    >
      <Form.Item name="productId" label="商品" rules={[{ required: true, message: '请选择商品' }]}>
        <Select
          data-testid="gb-campaign-product"
          showSearch={{ filterOption: false, onSearch: (v) => setQ(v.trim() || undefined) }}
          disabled={!!campaign}
          onChange={(v: number) => setProductId(v)}
          options={options}
        />
      </Form.Item>
      {product.data && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginBottom: 24 }}
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
        <Input data-testid="gb-campaign-title" maxLength={120} />
      </Form.Item>
      <Form.Item name="window" label="活动时间（北京时间，不填为不限）">
        <DatePicker.RangePicker
          data-testid="gb-campaign-window"
          showTime={{ format: 'HH:mm' }}
          format={PICKER_FORMAT}
          allowEmpty={[true, true]}
          placeholder={['立即开始', '长期有效']}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="size" label="成团人数" rules={[{ required: true }]}>
            <InputNumber min={2} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="validityHours" label="成团时限（小时）" tooltip="从团长付款起计时">
            <InputNumber min={1} max={720} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="perUserLimit" label="每人限参团" tooltip="次数，0 为不限">
            <InputNumber min={0} max={1000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="virtualThresholdPct" label="模拟成团门槛 %" tooltip="真实付款人数占成团人数的比例">
            <InputNumber min={1} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Space size="large" wrap>
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch data-testid="gb-campaign-enabled" />
        </Form.Item>
        <Form.Item name="newUsersOnly" label="仅限新用户" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="virtualCompletion" label="模拟成团" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="stackWithCoupons" label="可与优惠券叠加" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <div>
        <Button data-testid="gb-campaign-save" type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </div>
    </Form>
  );
}
