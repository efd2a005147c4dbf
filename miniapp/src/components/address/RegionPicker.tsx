// The province / city / district picker on H5 and Alipay: NutUI's Cascader over a region data set loaded on first
// open (weapp uses its native `Picker mode="region"`: RegionPicker.weapp.tsx).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Cascader } from '@nutui/nutui-react-taro';
import { loadRegions } from './regions';
import { codesOf, type Region, type RegionOption } from './region-types';

interface Props {
  value: Region;
  onChange(region: Region): void;
}

export const regionText = (r: Region) => (r.province ? `${r.province} ${r.city} ${r.district}` : '');

export default function RegionPicker({ value, onChange }: Props) {
  const [options, setOptions] = useState<RegionOption[] | null>(null);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);

  const show = () => {
    setFailed(false);
    loadRegions()
      .then((o) => {
        setOptions(o);
        setOpen(true);
      })
      .catch(() => setFailed(true));
  };

  // the Cascader sits beside the clickable row, not in it: a tap in its popup would bubble (React portals do) and
  // reopen it
  return (
    <>
      <View className="address-region" onClick={show}>
        <Text className={value.province ? 'address-region__text' : 'address-region__text address-region__text--empty'}>
          {regionText(value) || (failed ? '地区加载失败，点此重试' : '所在地区：省 / 市 / 区县')}
        </Text>
        <Text className="address-region__arrow">›</Text>
      </View>
      {options && (
        <Cascader
          className="address-region__cascader"
          visible={open}
          title="选择所在地区"
          closeable
          options={options}
          value={codesOf(options, value)}
          onClose={() => setOpen(false)}
          onChange={(_codes, path) => {
            const [province, city, district] = path.map((o) => String(o.text ?? ''));
            if (province && city && district) onChange({ province, city, district });
          }}
        />
      )}
    </>
  );
}
