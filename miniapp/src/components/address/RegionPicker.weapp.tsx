// WeChat: its native region picker (`Picker mode="region"`), which carries China's divisions itself, so the
// mini-program ships no region data at all.
import { Picker, Text, View } from '@tarojs/components';
import type { Region } from './region-types';

interface Props {
  value: Region;
  onChange(region: Region): void;
}

export const regionText = (r: Region) => (r.province ? `${r.province} ${r.city} ${r.district}` : '');

export default function RegionPicker({ value, onChange }: Props) {
  return (
    <Picker
      mode="region"
      value={value.province ? [value.province, value.city, value.district] : []}
      onChange={(e) => {
        const [province = '', city = '', district = ''] = e.detail.value;
        onChange({ province, city, district });
      }}
    >
      <View className="address-region">
        <Text className={value.province ? 'address-region__text' : 'address-region__text address-region__text--empty'}>
          {regionText(value) || '所在地区：省 / 市 / 区县'}
        </Text>
        <Text className="address-region__arrow">›</Text>
      </View>
    </Picker>
  );
}
