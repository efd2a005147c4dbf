import type { UpdateProductRequest } from '@contracts';
import { Alert, App, Button, Drawer, Flex, Spin } from 'antd';
import { useMemo } from 'react';
import { isApiError } from '../../../shared/api/client';
import { toCategoryTree } from '../api/categories';
import { useAdminProduct, useUpdateProduct } from '../api/product-edit';
import { useAdminCategories } from '../../categories/api';
import { ProductEditForm } from './ProductEditForm';

const FORM_ID = 'product-edit-form';

interface Props {
  /** the product being edited; kept while the drawer closes */
  productId: number | null;
  open: boolean;
  onClose(): void;
}

/** Edit a product: details, images and the SKU matrix, saved as one PUT. */
export function ProductEditDrawer({ productId, open, onClose }: Props) {
  const { message } = App.useApp();
  const detail = useAdminProduct(open ? productId : null);
  const categories = useAdminCategories();
  const categoryTree = useMemo(() => toCategoryTree(categories.data ?? []), [categories.data]);
  const update = useUpdateProduct();
  const ready = detail.data !== undefined && !detail.isFetching;

  const submit = async (body: UpdateProductRequest) => {
    if (productId === null) return;
    try {
      await update.mutateAsync({ id: productId, body });
      void message.success('商品已保存');
      onClose();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '保存失败，请稍后再试');
      // the stock moved under the editor: load the live figures (the operator re-applies the change)
      if (isApiError(e) && e.code === 'STOCK_CHANGED') void detail.refetch();
    }
  };

  return (
    <Drawer
      title={detail.data ? `编辑商品：${detail.data.title}` : '编辑商品'}
      open={open}
      onClose={onClose}
      size={960}
      className="product-edit-drawer"
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            htmlType="submit"
            form={FORM_ID}
            data-testid="product-save"
            loading={update.isPending}
            disabled={!ready}
          >
            保存
          </Button>
        </Flex>
      }
    >
      {detail.isError ? (
        <Alert
          type="error"
          showIcon
          title="商品加载失败"
          description={detail.error.message}
          action={
            <Button size="small" onClick={() => void detail.refetch()}>
              重试
            </Button>
          }
        />
      ) : ready ? (
        <ProductEditForm
          key={detail.dataUpdatedAt}
          formId={FORM_ID}
          product={detail.data}
          categoryTree={categoryTree}
          categoriesLoading={categories.isLoading}
          onSubmit={submit}
        />
      ) : (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description="加载中…">
            <div style={{ width: 120, height: 60 }} />
          </Spin>
        </Flex>
      )}
    </Drawer>
  );
}
