import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CreateProductRequest } from '@contracts';
import {
  Alert,
  App,
  Button,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  TreeSelect,
  Typography,
} from 'antd';
import type { FormListFieldData } from 'antd';
import { useState } from 'react';
import { yuanToFen } from '../../../shared/format/money';
import type { CategoryTreeNode } from '../api/categories';
import { useCreateProduct } from '../api/products';

interface SkuRow {
  specs?: Record<string, string | undefined>;
  price?: string;
  stock?: number | null;
}

interface FormValues {
  title: string;
  subtitle?: string;
  categoryId?: number;
  onShelf: boolean;
  specNames?: string[];
  skus: SkuRow[];
}

const MAX_SPEC_NAMES = 3;
const MAX_SKUS = 200;
const EMPTY_SKU: SkuRow = { specs: {}, price: undefined, stock: 0 };
const INITIAL_VALUES: Partial<FormValues> = { onShelf: true, specNames: [], skus: [EMPTY_SKU] };

function cleanSpecNames(names: readonly string[] | undefined): string[] {
  return [...new Set((names ?? []).map((n) => n.trim()).filter(Boolean))];
}

function specsOf(row: SkuRow | undefined, names: readonly string[]): Record<string, string> {
  const specs: Record<string, string> = {};
  for (const name of names) specs[name] = (row?.specs?.[name] ?? '').trim();
  return specs;
}

export function toCreateRequest(values: FormValues): CreateProductRequest {
  const names = cleanSpecNames(values.specNames);
  const subtitle = values.subtitle?.trim();
  return {
    title: values.title.trim(),
    ...(subtitle ? { subtitle } : {}),
    ...(values.categoryId !== undefined ? { categoryId: values.categoryId } : {}),
    onShelf: values.onShelf,
    skus: values.skus.map((row) => {
      const priceFen = yuanToFen(row.price ?? '');
      if (priceFen === null) throw new Error(`bad price ${row.price}`); // the form rules already refused it
      return { specs: specsOf(row, names), priceFen, stock: row.stock ?? 0 };
    }),
  };
}

export function CreateProductDrawer(props: { open: boolean; onClose(): void; categoryTree: CategoryTreeNode[] }) {
  const { open, onClose, categoryTree } = props;
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const create = useCreateProduct();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const specNames = cleanSpecNames(Form.useWatch('specNames', form));

  const onFinish = async (values: FormValues) => {
    setSubmitError(null);
    try {
      const created = await create.mutateAsync(toCreateRequest(values));
      message.success(`商品已创建（ID ${created.id}）`);
      onClose();
    } catch (e) {
      setSubmitError(e instanceof Error ? e.message : '创建失败，请稍后再试');
    }
  };

  const renderSkuRow = (field: FormListFieldData, remove: (index: number) => void, count: number) => (
    <Flex key={field.key} gap={8} align="flex-start" className="sku-row">
      {specNames.map((name) => (
        <Form.Item
          key={name}
          name={[field.name, 'specs', name]}
          rules={[
            { required: true, whitespace: true, message: `请填写${name}` },
            { max: 40, message: '最多 40 个字' },
          ]}
          style={{ flex: 1, minWidth: 0, marginBottom: 12 }}
        >
          <Input placeholder={name} maxLength={40} />
        </Form.Item>
      ))}
      <Form.Item
        name={[field.name, 'price']}
        rules={[
          { required: true, message: '请填写价格' },
          {
            validator: async (_, value: string | undefined) => {
              if (value === undefined || value === '') return;
              const fen = yuanToFen(value);
              if (fen === null) throw new Error('最多两位小数');
              if (fen < 1) throw new Error('价格须大于 0');
            },
          },
        ]}
        style={{ width: 150, marginBottom: 12 }}
      >
        <Input prefix="¥" placeholder="价格（元）" inputMode="decimal" maxLength={12} />
      </Form.Item>
      <Form.Item
        name={[field.name, 'stock']}
        rules={[{ required: true, message: '请填写库存' }]}
        style={{ width: 120, marginBottom: 12 }}
      >
        <InputNumber min={0} max={9_999_999} precision={0} placeholder="库存" style={{ width: '100%' }} />
      </Form.Item>
      <Button
        type="text"
        aria-label="删除此规格"
        icon={<DeleteOutlined />}
        disabled={count <= 1}
        onClick={() => remove(field.name)}
      />
    </Flex>
  );

  return (
    <Drawer
      title="新增商品"
      open={open}
      onClose={onClose}
      size={720}
      className="create-product-drawer"
      afterOpenChange={(visible) => {
        if (!visible) {
          form.resetFields();
          setSubmitError(null);
        }
      }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            创建商品
          </Button>
        </Flex>
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL_VALUES}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<FormValues>) => {
          // keep the SKU list's own message (duplicates, rows without spec items) in step with what is typed
          if (('skus' in changed || 'specNames' in changed) && form.getFieldError('skus').length > 0) {
            form.validateFields([['skus']]).catch(() => undefined);
          }
        }}
        requiredMark
        scrollToFirstError
      >
        {submitError && <Alert type="error" showIcon title={submitError} style={{ marginBottom: 16 }} />}
        <Form.Item
          label="商品标题"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请填写商品标题' },
            { max: 120, message: '最多 120 个字' },
          ]}
        >
          <Input placeholder="如：东北五常大米 5kg" maxLength={120} showCount />
        </Form.Item>
        <Form.Item label="副标题" name="subtitle" rules={[{ max: 200, message: '最多 200 个字' }]}>
          <Input.TextArea placeholder="一句话卖点（选填）" maxLength={200} showCount autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item label="分类" name="categoryId" style={{ flex: 1 }}>
            <TreeSelect
              placeholder="选择分类（选填）"
              allowClear
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              treeData={categoryTree}
            />
          </Form.Item>
          <Form.Item label="立即上架" name="onShelf" valuePropName="checked" style={{ width: 120 }}>
            <Switch checkedChildren="上架" unCheckedChildren="下架" />
          </Form.Item>
        </Flex>

        <Form.Item
          label="规格项"
          name="specNames"
          tooltip="如 颜色、尺码；不填则为单规格商品"
          rules={[
            {
              validator: async (_, names: string[] | undefined) => {
                const clean = cleanSpecNames(names);
                if (clean.length > MAX_SPEC_NAMES) throw new Error(`最多 ${MAX_SPEC_NAMES} 个规格项`);
                if (clean.some((n) => n.length > 20)) throw new Error('规格项名称最多 20 个字');
              },
            },
          ]}
        >
          <Select mode="tags" placeholder="输入规格名后回车，如 颜色" tokenSeparators={[',', '，']} open={false} />
        </Form.Item>

        <Typography.Text strong>规格与价格</Typography.Text>
        <Flex gap={8} className="sku-header">
          {specNames.map((name) => (
            <span key={name} style={{ flex: 1, minWidth: 0 }}>
              {name}
            </span>
          ))}
          <span style={{ width: 150 }}>价格（元）</span>
          <span style={{ width: 120 }}>库存</span>
          <span style={{ width: 32 }} />
        </Flex>
        <Form.List
          name="skus"
          rules={[
            {
              validator: async (_, rows: SkuRow[] | undefined) => {
                if (!rows || rows.length < 1) throw new Error('至少需要一个规格');
                const names = cleanSpecNames(form.getFieldValue('specNames') as string[] | undefined);
                const seen = new Set<string>();
                for (const row of rows) {
                  const specs = specsOf(row, names);
                  if (names.length && Object.values(specs).some((v) => v === '')) continue;
                  const key = JSON.stringify(specs);
                  if (seen.has(key)) {
                    throw new Error(names.length ? '规格组合重复，请检查' : '未设置规格项时只能有一个规格行');
                  }
                  seen.add(key);
                }
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => renderSkuRow(field, remove, fields.length))}
              <Form.Item
                extra={specNames.length === 0 ? '先填写规格项（如 颜色），才能添加多个规格' : undefined}
                style={{ marginTop: 4 }}
              >
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  disabled={specNames.length === 0 || fields.length >= MAX_SKUS}
                  onClick={() => add({ ...EMPTY_SKU, specs: {} })}
                >
                  添加规格
                </Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
