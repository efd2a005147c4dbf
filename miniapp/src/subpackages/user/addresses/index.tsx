import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Address } from '@contracts';
import AddressPicker from '../../../components/AddressPicker';
import { requireLogin } from '../../../services/guard';
import { deleteAddress, listAddresses } from '../../../services/shop';
import { addressText } from '../../../services/labels';
import '../../../components/shop.css';

/** My addresses: list, add (the same form as checkout), delete. */
export default function Addresses() {
  const [items, setItems] = useState<Address[]>([]);
  const [, setPicked] = useState<Address | null>(null);
  const load = () => requireLogin() && void listAddresses().then((r) => setItems(r.items));
  useDidShow(load);

  const remove = async (a: Address) => {
    if (!(await Taro.showModal({ title: '删除这个地址？', confirmColor: '#fa2c19' })).confirm) return;
    await deleteAddress(a.id);
    load();
  };

  return (
    <View className="shop-page addresses">
      {items.map((a) => (
        <View className="shop-card address-item" key={a.id}>
          <View className="shop-row">
            <Text>
              {a.name} {a.phone} {a.isDefault && <Text className="shop-tag">默认</Text>}
            </Text>
            <Text className="shop-row__muted address-delete" onClick={() => void remove(a)}>
              删除
            </Text>
          </View>
          <Text className="shop-row__muted">{addressText(a)}</Text>
        </View>
      ))}
      <AddressPicker
        value={null}
        onChange={(a) => {
          setPicked(a);
          load();
        }}
      />
    </View>
  );
}
