import { useCallback, useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Address } from '@contracts';
import { createAddress, listAddresses } from '../services/shop';
import { addressText } from '../services/labels';
import './shop.css';

interface Props {
  value: Address | null;
  onChange(address: Address | null): void;
}

const EMPTY = { name: '', phone: '', province: '', city: '', district: '', detail: '' };

/** The delivery address of a checkout: the default one, another one, or a new one added in place. */
export default function AddressPicker({ value, onChange }: Props) {
  const [list, setList] = useState<Address[]>([]);
  const [adding, setAdding] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [form, setForm] = useState(EMPTY);

  const load = useCallback(async () => {
    const res = await listAddresses();
    setList(res.items);
    if (!res.items.length) setAdding(true);
    return res.items;
  }, []);

  useEffect(() => {
    void load().then((items) => {
      if (!value && items.length) onChange(items.find((a) => a.isDefault) ?? items[0]!);
    });
  }, [load]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    const { id } = await createAddress({ ...form, isDefault: list.length === 0 });
    const items = await load();
    onChange(items.find((a) => a.id === id) ?? null);
    setAdding(false);
    setForm(EMPTY);
  };

  const field = (key: keyof typeof EMPTY, placeholder: string, type: 'text' | 'number' = 'text') => (
    <Input
      className={`shop-input address-${key}`}
      type={type}
      placeholder={placeholder}
      value={form[key]}
      onInput={(e) => setForm((f) => ({ ...f, [key]: e.detail.value }))}
    />
  );

  if (adding) {
    return (
      <View className="shop-card address-form">
        <Text className="shop-card__title">新增收货地址</Text>
        {field('name', '收货人')}
        {field('phone', '手机号', 'number')}
        {field('province', '省份，如 浙江省')}
        {field('city', '城市，如 杭州市')}
        {field('district', '区县，如 西湖区')}
        {field('detail', '详细地址')}
        <View className="shop-row">
          {list.length > 0 ? (
            <Button size="small" onClick={() => setAdding(false)}>
              取消
            </Button>
          ) : (
            <Text />
          )}
          <Button className="address-save" type="primary" size="small" onClick={() => void save()}>
            保存地址
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="shop-card address-picker">
      {value ? (
        <View className="address-item address-item--selected" onClick={() => setChoosing((c) => !c)}>
          <View className="shop-row">
            <Text>
              {value.name} {value.phone}
            </Text>
            <Text className="shop-row__muted">{choosing ? '收起' : '更换'}</Text>
          </View>
          <Text className="shop-row__muted">{addressText(value)}</Text>
        </View>
      ) : (
        <Text className="shop-row__muted">请选择收货地址</Text>
      )}
      {choosing &&
        list
          .filter((a) => a.id !== value?.id)
          .map((a) => (
            <View
              key={a.id}
              className="address-item shop-line"
              onClick={() => {
                onChange(a);
                setChoosing(false);
              }}
            >
              <Text className="shop-row__muted">
                {a.name} {a.phone} · {a.city}
                {a.district} {a.detail}
              </Text>
            </View>
          ))}
      {choosing && (
        <Button className="address-add" size="small" onClick={() => setAdding(true)}>
          新增地址
        </Button>
      )}
    </View>
  );
}
