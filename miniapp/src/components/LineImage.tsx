import { Image, View } from '@tarojs/components';
import { resolveAsset } from '../services/env';
import { imageAlt } from './img-alt';
import './shop.css';

/**
 * A line's square thumbnail (cart, checkout, orders, group buy), or a grey placeholder when there is none.
 * Decorative by default (`alt=""`): the line's title is printed beside it.
 */
export default function LineImage({ src, alt = '' }: { src: string | null | undefined; alt?: string }) {
  return src ? (
    <Image className="shop-line__image" src={resolveAsset(src)} mode="aspectFill" {...imageAlt(alt)} />
  ) : (
    <View className="shop-line__image" />
  );
}
