import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Address } from '@contracts';
import AddressForm from '../../../components/address/AddressForm';
import EmptyState from '../../../components/EmptyState';
import { requireLogin } from '../../../services/guard';
import { deleteAddress, listAddresses, setDefaultAddress } from '../../../services/addresses';
import { addressText } from '../../../services/labels';
import '../../../components/shop.css';
import './index.css';

type Editing = { mode: 'add' } | { mode: 'edit'; address: Address } | null;

/** My addresses: list, add, edit, delete, and choose the default (the form is the one checkout uses). */
export default function Addresses() {
  const [items, setItems] = useState<Address[] | null>(null);
  const [editing, setEditingState] = useState<Editing>(null);
  /** the form and the list are long in different places: each opens at its top */
  const setEditing = (next: Editing) => {
    setEditingState(next);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  const load = () => requireLogin() && void listAddresses().then((r) => setItems(r.items));
  useDidShow(load);

  const remove = async (a: Address) => {
    if (!(await Taro.showModal({ title: '删除这个地址？', confirmColor: '#e1251b' })).confirm) return;
    await deleteAddress(a.id);
    load();
  };
  const makeDefault = async (a: Address) => {
    await setDefaultAddress(a.id);
    void Taro.showToast({ title: '已设为默认地址', icon: 'none' });
    load();
  };

  if (editing) {
    return (
      <View className="shop-page addresses">
        <AddressForm
          key={editing.mode === 'edit' ? editing.address.id : 'new'}
          editing={editing.mode === 'edit' ? editing.address : null}
          firstAddress={!items?.length}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      </View>
    );
  }

  return (
    <View className="shop-page addresses">
      {items?.length === 0 && <EmptyState image="box" description="还没有收货地址" />}
      {items?.map((a) => (
        <View className="shop-card address-item" key={a.id} data-id={a.id}>
          <View className="shop-row">
            <Text>
              {a.name} {a.phone} {a.isDefault && <Text className="shop-tag">默认</Text>}
            </Text>
          </View>
          <Text className="shop-row__muted">{addressText(a)}</Text>
          <View className="address-actions">
            {a.isDefault ? (
              <Text className="address-actions__note">默认地址</Text>
            ) : (
              <Text className="address-action address-set-default" onClick={() => void makeDefault(a)}>
                设为默认
              </Text>
            )}
            <Text className="address-action address-edit" onClick={() => setEditing({ mode: 'edit', address: a })}>
              编辑
            </Text>
            <Text className="address-action address-delete" onClick={() => void remove(a)}>
              删除
            </Text>
          </View>
        </View>
      ))}
      {items && (
        <View className="address-new-bar">
          <Button className="address-new" type="primary" block onClick={() => setEditing({ mode: 'add' })}>
            新增收货地址
          </Button>
        </View>
      )}
    </View>
  );
}
