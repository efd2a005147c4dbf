// The one address form (我的 → 收货地址, checkout, group buy): add or edit, a region picker instead of free-text
// province / city / district, and each field's problem shown under it — found here before sending, or named by
// the server's validation details.
import { useState } from 'react';
import { Input, Switch, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Address } from '@contracts';
import { createAddress, updateAddress } from '../../services/addresses';
import { toastError } from '../../services/request';
import { nativeLabel } from '../a11y';
import RegionPicker from './RegionPicker';
import { checkAddress, fieldErrorsOf, type AddressDraft, type AddressField, type FieldErrors } from './fields';
import './address.css';

interface Props {
  /** the address to edit; none to add one */
  editing?: Address | null;
  /** a new address becomes the default unless the user has others (then it is their choice) */
  firstAddress?: boolean;
  onSaved(address: Address): void;
  onCancel?(): void;
}

const draftOf = (a: Address | null | undefined, isDefault: boolean): AddressDraft => ({
  name: a?.name ?? '',
  phone: a?.phone ?? '',
  province: a?.province ?? '',
  city: a?.city ?? '',
  district: a?.district ?? '',
  detail: a?.detail ?? '',
  isDefault: a?.isDefault ?? isDefault,
});

export default function AddressForm({ editing, firstAddress = false, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState(() => draftOf(editing, firstAddress));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  const set = (patch: Partial<AddressDraft>, field: AddressField) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const save = async () => {
    const found = checkAddress(draft);
    setErrors(found);
    if (Object.keys(found).length || saving) return;
    setSaving(true);
    try {
      const body = { ...draft, name: draft.name.trim(), phone: draft.phone.trim(), detail: draft.detail.trim() };
      onSaved(editing ? await updateAddress(editing.id, body) : await createAddress(body));
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields) setErrors(fields);
      else toastError(e);
    } finally {
      setSaving(false);
    }
  };

  const error = (field: AddressField) =>
    errors[field] ? <Text className={`address-error address-error--${field}`}>{errors[field]}</Text> : null;

  const input = (field: 'name' | 'phone' | 'detail', placeholder: string, maxlength: number) => (
    <View className={`address-field${errors[field] ? ' address-field--invalid' : ''}`}>
      <Input
        className={`shop-input address-${field}`}
        type={field === 'phone' ? 'number' : 'text'}
        placeholder={placeholder}
        maxlength={maxlength}
        value={draft[field]}
        onInput={(e) => set({ [field]: e.detail.value }, field)}
      />
      {error(field)}
    </View>
  );

  return (
    <View className="shop-card address-form">
      <Text className="shop-card__title">{editing ? '编辑收货地址' : '新增收货地址'}</Text>
      {input('name', '收货人', 32)}
      {input('phone', '手机号', 11)}
      <View className={`address-field${errors.region ? ' address-field--invalid' : ''}`}>
        <RegionPicker value={draft} onChange={(r) => set(r, 'region')} />
        {error('region')}
      </View>
      {input('detail', '详细地址：街道、门牌号', 200)}
      {!(editing?.isDefault ?? firstAddress) && (
        <View className="shop-row address-default-row">
          <Text>设为默认地址</Text>
          <Switch
            className="address-default"
            {...nativeLabel('设为默认地址')}
            checked={draft.isDefault}
            color="#e1251b"
            onChange={(e) => setDraft((d) => ({ ...d, isDefault: e.detail.value }))}
          />
        </View>
      )}
      <View className="shop-row">
        {onCancel ? (
          <Button className="address-cancel" size="small" onClick={onCancel}>
            取消
          </Button>
        ) : (
          <Text />
        )}
        <Button className="address-save" type="primary" size="small" loading={saving} onClick={() => void save()}>
          保存地址
        </Button>
      </View>
    </View>
  );
}
