import { EditOutlined } from '@ant-design/icons';
import type { AdminProductRow } from '@contracts';
import { formatDateTime, formatFen } from '@display';
import { Button, Image, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ShelfSwitch } from './ShelfSwitch';

const IMAGE_FALLBACK =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect width="48" height="48" fill="#f0f0f0"/>' +
      '<path d="M14 32l7-9 5 6 4-5 6 8z" fill="#bfbfbf"/><circle cx="19" cy="18" r="3" fill="#bfbfbf"/></svg>',
  );

/** The list's columns; `onEdit` opens the product editor for a row. */
export function productColumns(onEdit: (row: AdminProductRow) => void): TableColumnsType<AdminProductRow> {
  return [
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
          {row.from && <Typography.Text type="secondary"> 起</Typography.Text>}
        </span>
      ),
    },
    { title: '库存', dataIndex: 'stock', width: 90, align: 'right' },
    { title: '销量', dataIndex: 'sales', width: 90, align: 'right' },
    {
      title: '状态',
      dataIndex: 'onShelf',
      width: 110,
      render: (_: boolean, row) => <ShelfSwitch row={row} />,
    },
    {
      title: '创建时间',
      dataIndex: 'createdAt',
      width: 170,
      render: (iso: string) => <span className="tabular">{formatDateTime(iso)}</span>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, row) => (
        <Button type="link" size="small" icon={<EditOutlined />} data-testid="product-edit" onClick={() => onEdit(row)}>
          编辑
        </Button>
      ),
    },
  ];
}
