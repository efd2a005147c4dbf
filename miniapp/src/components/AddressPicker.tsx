import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Address } from '@contracts';
import { listAddresses } from '../services/addresses';
import { addressText } from '../services/labels';
import AddressForm from './address/AddressForm';
import './shop.css';

interface Props {
  value: Address | null;
  onChange(address: Address | null): void;
}

/** The delivery address of a checkout: the default one, another one, or a new one added in place. */
export default function AddressPicker({ value, onChange }: Props) {
  const [list, setList] = useState<Address[]>([]);
  const [adding, setAdding] = useState(false);
  const [choosing, setChoosing] = useState(false);

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

  if (adding) {
    return (
      <AddressForm
        firstAddress={list.length === 0}
        onCancel={list.length > 0 ? () => setAdding(false) : undefined}
        onSaved={(saved) => {
          onChange(saved);
          setAdding(false);
          setChoosing(false);
          void load();
        }}
      />
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
      {(choosing || !value) && (
        <Button className="address-add" size="small" onClick={() => setAdding(true)}>
          新增地址
        </Button>
      )}
    </View>
  );
}
