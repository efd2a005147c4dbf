import type { CreateProductRequest, UpdateProductRequest } from '@contracts';
import { App, Button, Drawer, Flex, Switch, Typography } from 'antd';
import { useState } from 'react';
import type { CategoryTreeNode } from '../api/categories';
import { useCreateProduct } from '../api/products';
import { ProductEditForm } from '../product-edit/ProductEditForm';

const FORM_ID = 'product-create-form';

/** The editor's body as a create request: new SKUs carry no ids, and absent values are left out. */
export function toCreateRequest(body: UpdateProductRequest, onShelf: boolean): CreateProductRequest {
  return {
    title: body.title,
    subtitle: body.subtitle,
    description: body.description,
    ...(body.categoryId ? { categoryId: body.categoryId } : {}),
    images: body.images,
    onShelf,
    skus: body.skus.map((s) => ({
      specs: s.specs,
      priceFen: s.priceFen,
      stock: s.stock ?? 0,
      ...(s.code ? { code: s.code } : {}),
      ...(s.image ? { image: s.image } : {}),
    })),
  };
}

/** A new product, in the same editor as editing one (details, images, SKU matrix), plus whether it goes on sale. */
export function CreateProductDrawer(props: { open: boolean; onClose(): void; categoryTree: CategoryTreeNode[] }) {
  const { open, onClose, categoryTree } = props;
  const { message } = App.useApp();
  const create = useCreateProduct();
  const [onShelf, setOnShelf] = useState(true);

  const submit = async (body: UpdateProductRequest) => {
    try {
      const created = await create.mutateAsync(toCreateRequest(body, onShelf));
      void message.success(`商品已创建（ID ${created.id}）`);
      onClose();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '创建失败，请稍后再试');
    }
  };

  return (
    <Drawer
      title="新建商品"
      open={open}
      onClose={onClose}
      size={960}
      className="product-create-drawer"
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center">
          <Flex gap={8} align="center">
            <Switch data-testid="product-on-shelf" checked={onShelf} onChange={setOnShelf} />
            <Typography.Text>立即上架</Typography.Text>
          </Flex>
          <Flex gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button
              type="primary"
              htmlType="submit"
              form={FORM_ID}
              data-testid="product-save"
              loading={create.isPending}
            >
              创建
            </Button>
          </Flex>
        </Flex>
      }
    >
      <ProductEditForm formId={FORM_ID} categoryTree={categoryTree} categoriesLoading={false} onSubmit={submit} />
    </Drawer>
  );
}
