import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AdminProductRow } from '@contracts';
import { Alert, Button, Card, Flex, Input, Segmented, Space, Table, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { toCategoryTree, useCategories } from '../api/categories';
import { useProducts } from '../api/products';
import { ProductEditDrawer } from '../product-edit/ProductEditDrawer';
import { productColumns } from './columns';
import { CreateProductDrawer } from './CreateProductDrawer';
import { PAGE_SIZES, useListParams } from './use-list-params';

const SHELF_OPTIONS = [
  { label: '全部', value: 'all' },
  { label: '已上架', value: 'true' },
  { label: '已下架', value: 'false' },
];

export function ProductListPage() {
  const [params, update] = useListParams();
  const products = useProducts(params);
  const categories = useCategories();
  const categoryTree = useMemo(() => toCategoryTree(categories.data ?? []), [categories.data]);
  const [keyword, setKeyword] = useState(params.q ?? '');
  const [creating, setCreating] = useState(false);
  // the id stays while the drawer closes; `open` says whether it is shown
  const [editing, setEditing] = useState<{ id: number | null; open: boolean }>({ id: null, open: false });
  const columns = useMemo(() => productColumns((row) => setEditing({ id: row.id, open: true })), []);

  // back/forward navigation changes the URL under the search box
  useEffect(() => setKeyword(params.q ?? ''), [params.q]);

  const total = products.data?.total ?? 0;

  return (
    <Card
      className="page-card"
      title="商品列表"
      extra={
        <Button type="primary" icon={<PlusOutlined />} data-testid="product-new" onClick={() => setCreating(true)}>
          新增商品
        </Button>
      }
    >
      <Flex wrap gap={12} justify="space-between" style={{ marginBottom: 16 }}>
        <Space wrap size={12}>
          <Input.Search
            className="product-search"
            aria-label="搜索商品标题"
            placeholder="搜索商品标题"
            allowClear
            enterButton="搜索"
            value={keyword}
            maxLength={64}
            onChange={(e) => setKeyword(e.target.value)}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={{ width: 320 }}
          />
          <TreeSelect
            className="category-filter"
            aria-label="按分类筛选"
            placeholder="全部分类"
            allowClear
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            loading={categories.isLoading}
            treeData={categoryTree}
            value={params.categoryId}
            onChange={(value: number | undefined) => update({ categoryId: value ?? undefined })}
            style={{ width: 200 }}
          />
          <Segmented
            className="shelf-filter"
            options={SHELF_OPTIONS}
            value={params.onShelf === undefined ? 'all' : String(params.onShelf)}
            onChange={(value) => update({ onShelf: value === 'all' ? undefined : value === 'true' })}
          />
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void products.refetch()} loading={products.isFetching}>
          刷新
        </Button>
      </Flex>

      {products.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="商品列表加载失败"
          description={products.error.message}
          action={
            <Button size="small" onClick={() => void products.refetch()}>
              重试
            </Button>
          }
        />
      )}

      <Table<AdminProductRow>
        rowKey="id"
        className="product-table"
        size="middle"
        columns={columns}
        dataSource={products.data?.items ?? []}
        loading={products.isFetching}
        scroll={{ x: 1080 }}
        locale={{
          emptyText: params.q || params.categoryId || params.onShelf !== undefined ? '没有符合条件的商品' : '暂无商品',
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (n) => `共 ${n} 件商品`,
          onChange: (page, pageSize) =>
            update(pageSize !== params.pageSize ? { page: 1, pageSize } : { page, pageSize }),
        }}
      />

      <CreateProductDrawer open={creating} onClose={() => setCreating(false)} categoryTree={categoryTree} />
      <ProductEditDrawer
        productId={editing.id}
        open={editing.open}
        onClose={() => setEditing((prev) => ({ ...prev, open: false }))}
      />
    </Card>
  );
}
