import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Select, Typography } from 'antd';
import type { SpecAttr } from './sku-matrix';
import { MAX_ATTRS, MAX_NAME, MAX_VALUE, newAttr } from './sku-matrix';

interface Props {
  attrs: SpecAttr[];
  onChange(attrs: SpecAttr[]): void;
}

/** Spec attributes (颜色, 尺码…) and their values; every change regenerates the SKU rows. */
export function SpecEditor({ attrs, onChange }: Props) {
  const { message } = App.useApp();
  const patch = (uid: string, change: Partial<SpecAttr>) =>
    onChange(attrs.map((a) => (a.uid === uid ? { ...a, ...change } : a)));

  const cleanValues = (values: string[]) => {
    const clean = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
    if (clean.some((v) => v.length > MAX_VALUE)) void message.warning(`规格值最多 ${MAX_VALUE} 个字`);
    return clean.filter((v) => v.length <= MAX_VALUE);
  };

  return (
    <div className="spec-editor">
      {attrs.map((attr) => (
        <Flex key={attr.uid} gap={8} align="flex-start" className="spec-attr" style={{ marginBottom: 8 }}>
          <Input
            data-testid="spec-name"
            placeholder="规格名，如 颜色"
            value={attr.name}
            maxLength={MAX_NAME}
            onChange={(e) => patch(attr.uid, { name: e.target.value })}
            style={{ width: 160, flex: 'none' }}
          />
          <Select
            data-testid="spec-values"
            mode="tags"
            open={false}
            suffixIcon={null}
            placeholder="输入规格值后回车，如 红色"
            tokenSeparators={[',', '，']}
            value={attr.values}
            onChange={(values: string[]) => patch(attr.uid, { values: cleanValues(values) })}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button
            type="text"
            aria-label="删除规格"
            icon={<DeleteOutlined />}
            onClick={() => onChange(attrs.filter((a) => a.uid !== attr.uid))}
          />
        </Flex>
      ))}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        data-testid="spec-add"
        disabled={attrs.length >= MAX_ATTRS}
        onClick={() => onChange([...attrs, newAttr()])}
      >
        添加规格
      </Button>
      <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
        最多 {MAX_ATTRS} 个规格；不设置规格则为单规格商品。修改规格后按组合重新生成 SKU，已有组合保留价格与库存。
      </Typography.Text>
    </div>
  );
}
