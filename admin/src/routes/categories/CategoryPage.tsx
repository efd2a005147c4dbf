import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Image, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import type { CategoryRow } from './api';
import { toCategoryRows, useAdminCategories, useDeleteCategory } from './api';
import type { CategoryModalState } from './CategoryFormModal';
import { CategoryFormModal } from './CategoryFormModal';

function deleteHint(c: CategoryRow): string {
  if (c.childCount > 0) return `该分类下还有 ${c.childCount} 个子分类，需先删除或移走子分类`;
  if (c.productCount > 0) return `该分类下还有 ${c.productCount} 件商品，需先把商品移到其他分类`;
  return '删除后不可恢复';
}

export function CategoryPage() {
  const { message } = App.useApp();
  const categories = useAdminCategories();
  const remove = useDeleteCategory();
  const rows = useMemo(() => toCategoryRows(categories.data ?? []), [categories.data]);
  const [modal, setModal] = useState<CategoryModalState | null>(null);
  // every parent starts expanded (new ones too); the operator may fold some
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const expandedRowKeys = rows.filter((r) => r.children && !collapsed.has(r.id)).map((r) => r.id);

  const onDelete = async (c: CategoryRow) => {
    try {
      await remove.mutateAsync(c.id);
      void message.success(`已删除分类「${c.name}」`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '删除失败，请稍后再试');
    }
  };

  const columns: TableColumnsType<CategoryRow> = [
    {
      title: '分类名称',
      dataIndex: 'name',
      render: (name: string, c) => (
        <Space size={8}>
          {c.icon && (
            <Image src={c.icon} width={24} height={24} preview={false} alt="" style={{ objectFit: 'cover' }} />
          )}
          <Typography.Text strong={c.parentId === null} className="category-name">
            {name}
          </Typography.Text>
          {c.parentId === null ? <Tag color="blue">一级</Tag> : <Tag>二级</Tag>}
        </Space>
      ),
    },
    { title: '子分类数', dataIndex: 'childCount', width: 110, align: 'right' },
    { title: '商品数', dataIndex: 'productCount', width: 110, align: 'right' },
    { title: '排序', dataIndex: 'sort', width: 90, align: 'right' },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_, c) => (
        <Space size={0} wrap>
          {c.parentId === null && (
            <Button
              type="link"
              size="small"
              data-testid="category-new-child"
              onClick={() => setModal({ mode: 'create', parentId: c.id })}
            >
              新建子分类
            </Button>
          )}
          <Button
            type="link"
            size="small"
            data-testid="category-edit"
            onClick={() => setModal({ mode: 'edit', category: c })}
          >
            编辑
          </Button>
          <Popconfirm
            title={`删除分类「${c.name}」？`}
            description={deleteHint(c)}
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => onDelete(c)}
          >
            <Button type="link" size="small" danger data-testid="category-delete">
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      className="page-card"
      title="商品分类"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void categories.refetch()} loading={categories.isFetching}>
            刷新
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="category-new"
            onClick={() => setModal({ mode: 'create', parentId: null })}
          >
            新建分类
          </Button>
        </Space>
      }
    >
      {categories.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="分类加载失败"
          description={categories.error.message}
        />
      )}
      <Table<CategoryRow>
        rowKey="id"
        className="category-table"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={categories.isFetching}
        pagination={false}
        locale={{ emptyText: '暂无分类' }}
        expandable={{
          expandedRowKeys,
          onExpand: (expanded, c) =>
            setCollapsed((prev) => {
              const next = new Set(prev);
              if (expanded) next.delete(c.id);
              else next.add(c.id);
              return next;
            }),
        }}
        onRow={(c) =>
          ({ 'data-testid': 'category-row', 'data-name': c.name, 'data-id': c.id }) as HTMLAttributes<HTMLElement>
        }
      />
      <CategoryFormModal
        state={modal}
        parents={rows.filter((r) => r.parentId === null)}
        onClose={() => setModal(null)}
      />
    </Card>
  );
}
