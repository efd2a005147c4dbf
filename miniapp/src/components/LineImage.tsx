import { Image, View } from '@tarojs/components';
import { resolveAsset } from '../services/env';
import './shop.css';

/** A line's square thumbnail (cart, checkout, orders, group buy), or a grey placeholder when there is none. */
export default function LineImage({ src }: { src: string | null | undefined }) {
  return src ? (
    <Image className="shop-line__image" src={resolveAsset(src)} mode="aspectFill" />
  ) : (
    <View className="shop-line__image" />
  );
}
