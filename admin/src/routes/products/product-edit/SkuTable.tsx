import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { fenToYuan, yuanToFen } from '@display';
import { SingleImageUpload } from '../../../shared/upload/SingleImageUpload';
import type { SkuDraft, SpecAttr } from './sku-matrix';
import { priceProblem } from './sku-matrix';

interface Props {
  /** the active attributes: one column each */
  attrs: SpecAttr[];
  rows: SkuDraft[];
  onRowChange(key: string, patch: Partial<SkuDraft>): void;
  onRemove(key: string): void;
  /** after a save attempt: empty prices show as errors too */
  showErrors: boolean;
}

const MAX_STOCK = 99_999_999;

/** Fill every row's price and/or stock at once. */
function BatchFill({ onApply }: { onApply(patch: Partial<SkuDraft>): void }) {
  const [price, setPrice] = useState('');
  const [stock, setStock] = useState<number | null>(null);
  const priceOk = price.trim() === '' || priceProblem(price) === null;
  return (
    <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">批量设置：</Typography.Text>
      <Input
        prefix="¥"
        placeholder="价格（元）"
        value={price}
        status={priceOk ? undefined : 'error'}
        onChange={(e) => setPrice(e.target.value)}
        style={{ width: 140 }}
      />
      <InputNumber
        placeholder="库存"
        min={0}
        max={MAX_STOCK}
        precision={0}
        value={stock}
        onChange={(v) => setStock(v)}
        style={{ width: 120 }}
      />
      <Button
        disabled={!priceOk || (price.trim() === '' && stock === null)}
        onClick={() => {
          const fen = yuanToFen(price);
          onApply({ ...(fen !== null ? { price: fenToYuan(fen) } : {}), ...(stock !== null ? { stock } : {}) });
        }}
      >
        应用到全部
      </Button>
    </Flex>
  );
}

export function SkuTable({ attrs, rows, onRowChange, onRemove, showErrors }: Props) {
  const columns: TableColumnsType<SkuDraft> = [
    ...attrs.map((attr) => ({
      title: attr.name,
      key: attr.uid,
      width: 110,
      render: (_: unknown, row: SkuDraft) => row.values[attr.uid] ?? '',
    })),
    ...(attrs.length === 0
      ? [{ title: '规格', key: 'default', width: 90, render: () => <Typography.Text>默认</Typography.Text> }]
      : []),
    {
      title: '价格（元）',
      key: 'price',
      width: 150,
      render: (_, row) => {
        const problem = priceProblem(row.price);
        const bad = problem !== null && (showErrors || row.price.trim() !== '');
        return (
          <Tooltip title={bad ? problem : undefined}>
            <Input
              data-testid="sku-price"
              prefix="¥"
              inputMode="decimal"
              maxLength={12}
              placeholder="0.00"
              value={row.price}
              status={bad ? 'error' : undefined}
              onChange={(e) => onRowChange(row.key, { price: e.target.value })}
              onBlur={() => {
                const fen = yuanToFen(row.price);
                if (fen !== null) onRowChange(row.key, { price: fenToYuan(fen) });
              }}
            />
          </Tooltip>
        );
      },
    },
    {
      title: '库存',
      key: 'stock',
      width: 130,
      render: (_, row) => (
        <InputNumber
          data-testid="sku-stock"
          min={0}
          max={MAX_STOCK}
          precision={0}
          value={row.stock}
          status={showErrors && row.stock === null ? 'error' : undefined}
          onChange={(v) => onRowChange(row.key, { stock: v })}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      title: '编码',
      key: 'code',
      width: 150,
      render: (_, row) => (
        <Input
          data-testid="sku-code"
          placeholder="选填"
          maxLength={64}
          value={row.code}
          onChange={(e) => onRowChange(row.key, { code: e.target.value })}
        />
      ),
    },
    {
      title: '图片',
      key: 'image',
      width: 130,
      render: (_, row) => (
        <SingleImageUpload value={row.image} onChange={(image) => onRowChange(row.key, { image })} size={36} />
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 88,
      render: (_, row) => (
        <Flex gap={4} align="center">
          {row.id === undefined && <Tag color="green">新</Tag>}
          <Button
            type="text"
            size="small"
            aria-label="删除此 SKU"
            icon={<DeleteOutlined />}
            disabled={rows.length <= 1}
            onClick={() => onRemove(row.key)}
          />
        </Flex>
      ),
    },
  ];

  return (
    <>
      {rows.length > 1 && <BatchFill onApply={(patch) => rows.forEach((row) => onRowChange(row.key, patch))} />}
      <Table<SkuDraft>
        rowKey="key"
        className="sku-table"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content', y: 420 }}
        onRow={(row) => ({ className: row.id === undefined ? 'sku-row sku-row-new' : 'sku-row' })}
      />
    </>
  );
}
