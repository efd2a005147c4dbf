import type { AdminProductDetail, UpdateProductRequest } from '@contracts';
import { Alert, App, Form, Input, TreeSelect, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ImageListUpload } from '../../../shared/upload/ImageListUpload';
import type { CategoryTreeNode } from '../api/categories';
import type { SkuDraft, SpecAttr } from './sku-matrix';
import {
  activeAttrs,
  comboCount,
  emptyMatrix,
  initialMatrix,
  matrixProblem,
  MAX_SKUS,
  regenerate,
  toSkuPayload,
} from './sku-matrix';
import { SkuTable } from './SkuTable';
import { SpecEditor } from './SpecEditor';

interface Values {
  title: string;
  subtitle?: string;
  description?: string;
  categoryId?: number | null;
}

interface Props {
  /** the <form> id: the drawer's save button submits it */
  formId: string;
  /** the product to edit; absent for a new product */
  product?: AdminProductDetail;
  categoryTree: CategoryTreeNode[];
  categoriesLoading: boolean;
  onSubmit(body: UpdateProductRequest): Promise<void>;
}

/** The product editor (a new one, or one loaded product; remounted with fresh state whenever it is loaded again). */
export function ProductEditForm({ formId, product, categoryTree, categoriesLoading, onSubmit }: Props) {
  const { message } = App.useApp();
  const [initial] = useState(() => (product ? initialMatrix(product) : emptyMatrix()));
  const [images, setImages] = useState<string[]>(product?.images ?? []);
  const [attrs, setAttrs] = useState<SpecAttr[]>(initial.attrs);
  const [rows, setRows] = useState<SkuDraft[]>(initial.rows);
  const [showErrors, setShowErrors] = useState(false);
  // every row seen in this edit, by key: a combination that comes back gets its id, price and stock back
  const pool = useRef(new Map<string, SkuDraft>());
  useEffect(() => {
    for (const row of rows) pool.current.set(row.key, row);
  }, [rows]);

  const changeAttrs = (next: SpecAttr[]) => {
    const count = comboCount(next);
    if (count > MAX_SKUS) {
      void message.error(`规格组合共 ${count} 个，最多 ${MAX_SKUS} 个`);
      return;
    }
    setAttrs(next);
    setRows(regenerate(next, pool.current, rows));
  };

  const kept = new Set(rows.flatMap((r) => (r.id === undefined ? [] : [r.id])));
  const disabling = initial.rows.filter((r) => r.id !== undefined && !kept.has(r.id)).length;

  const onFinish = async (values: Values) => {
    const problem = matrixProblem(attrs, rows);
    if (problem) {
      setShowErrors(true);
      void message.error(problem);
      return;
    }
    await onSubmit({
      title: values.title.trim(),
      subtitle: values.subtitle?.trim() ?? '',
      description: values.description ?? '',
      categoryId: values.categoryId ?? null,
      images,
      skus: toSkuPayload(attrs, rows),
    });
  };

  return (
    <>
      <Form<Values>
        name={formId}
        layout="vertical"
        initialValues={{
          title: product?.title,
          subtitle: product?.subtitle,
          description: product?.description,
          categoryId: product?.categoryId ?? undefined,
        }}
        onFinish={onFinish}
        onFinishFailed={() => setShowErrors(true)}
        scrollToFirstError
      >
        <Form.Item
          label="商品标题"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请填写商品标题' },
            { max: 120, message: '最多 120 个字' },
          ]}
        >
          <Input data-testid="product-title" maxLength={120} showCount />
        </Form.Item>
        <Form.Item label="副标题" name="subtitle" rules={[{ max: 200, message: '最多 200 个字' }]}>
          <Input data-testid="product-subtitle" placeholder="一句话卖点（选填）" maxLength={200} showCount />
        </Form.Item>
        <Form.Item label="分类" name="categoryId">
          <TreeSelect
            data-testid="product-category"
            placeholder="未分类"
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            loading={categoriesLoading}
            treeData={categoryTree}
          />
        </Form.Item>
        <Form.Item label="商品描述" name="description" rules={[{ max: 20000, message: '最多 20000 个字' }]}>
          <Input.TextArea
            data-testid="product-description"
            placeholder="商品详情（选填）"
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={20000}
          />
        </Form.Item>
        <Form.Item label={`商品图片（${images.length}/20，第一张为主图）`}>
          <ImageListUpload value={images} onChange={setImages} testId="image-upload" />
        </Form.Item>
      </Form>

      <Typography.Title level={5} style={{ marginTop: 8 }}>
        规格与库存
      </Typography.Title>
      <SpecEditor attrs={attrs} onChange={changeAttrs} />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 8px', fontSize: 12 }}>
        共 {rows.length} 个 SKU。
        {product && '库存为当前可售数量，保存时按改动量增减，期间被下单占用的库存不受影响。'}
      </Typography.Paragraph>
      {disabling > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`保存后将停用 ${disabling} 个原有 SKU（历史订单不受影响）`}
        />
      )}
      <SkuTable
        attrs={activeAttrs(attrs)}
        rows={rows}
        showErrors={showErrors}
        onRowChange={(key, patch) => setRows((prev) => prev.map((r) => (r.key === key ? { ...r, ...patch } : r)))}
        onRemove={(key) => setRows((prev) => prev.filter((r) => r.key !== key))}
      />
    </>
  );
}
