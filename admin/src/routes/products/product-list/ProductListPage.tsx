import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AdminProductRow } from '@contracts';
import { Alert, Button, Card, Flex, Image, Input, Segmented, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { formatFen } from '../../../shared/format/money';
import { formatDateTime } from '../../../shared/format/time';
import { toCategoryTree, useCategories } from '../api/categories';
import { useProducts } from '../api/products';
import { CreateProductDrawer } from './CreateProductDrawer';
import { PAGE_SIZES, useListParams } from './use-list-params';

const SHELF_OPTIONS = [
  { label: '全部', value: 'all' },
  { label: '已上架', value: 'true' },
  { label: '已下架', value: 'false' },
];

const IMAGE_FALLBACK =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect width="48" height="48" fill="#f0f0f0"/>' +
      '<path d="M14 32l7-9 5 6 4-5 6 8z" fill="#bfbfbf"/><circle cx="19" cy="18" r="3" fill="#bfbfbf"/></svg>',
  );

const columns: TableColumnsType<AdminProductRow> = [
  {
    title: '图片',
    dataIndex: 'image',
    width: 76,
    render: (image: string | null, row) => (
      <Image
        src={image ?? IMAGE_FALLBACK}
        fallback={IMAGE_FALLBACK}
        alt={row.title}
        width={48}
        height={48}
        style={{ objectFit: 'cover', borderRadius: 6 }}
        preview={image ? undefined : false}
      />
    ),
  },
  {
    title: '商品',
    dataIndex: 'title',
    render: (title: string, row) => (
      <div className="product-title-cell">
        <Typography.Text className="product-title" strong ellipsis={{ tooltip: title }}>
          {title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          ID {row.id} · {row.skuCount} 个规格
        </Typography.Text>
      </div>
    ),
  },
  {
    title: '分类',
    dataIndex: 'categoryName',
    width: 140,
    render: (name: string | null) => name ?? <Typography.Text type="secondary">未分类</Typography.Text>,
  },
  {
    title: '价格',
    dataIndex: 'priceFen',
    width: 130,
    align: 'right',
    render: (fen: number, row) => (
      <span className="price">
        {formatFen(fen)}
        {row.skuCount > 1 && <Typography.Text type="secondary"> 起</Typography.Text>}
      </span>
    ),
  },
  { title: '库存', dataIndex: 'stock', width: 100, align: 'right' },
  { title: '销量', dataIndex: 'sales', width: 100, align: 'right' },
  {
    title: '状态',
    dataIndex: 'onShelf',
    width: 96,
    render: (onShelf: boolean) => (onShelf ? <Tag color="success">已上架</Tag> : <Tag>已下架</Tag>),
  },
  {
    title: '创建时间',
    dataIndex: 'createdAt',
    width: 180,
    render: (iso: string) => <span className="tabular">{formatDateTime(iso)}</span>,
  },
];

export function ProductListPage() {
  const [params, update] = useListParams();
  const products = useProducts(params);
  const categories = useCategories();
  const categoryTree = useMemo(() => toCategoryTree(categories.data ?? []), [categories.data]);
  const [keyword, setKeyword] = useState(params.q ?? '');
  const [creating, setCreating] = useState(false);

  // back/forward navigation changes the URL under the search box
  useEffect(() => setKeyword(params.q ?? ''), [params.q]);

  const total = products.data?.total ?? 0;

  return (
    <Card
      className="page-card"
      title="商品列表"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新增商品
        </Button>
      }
    >
      <Flex wrap gap={12} justify="space-between" style={{ marginBottom: 16 }}>
        <Space wrap size={12}>
          <Input.Search
            className="product-search"
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
        scroll={{ x: 1000 }}
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
    </Card>
  );
}
