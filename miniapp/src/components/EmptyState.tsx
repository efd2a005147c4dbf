import type { ReactNode } from 'react';
import { Image, View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import boxPng from '../assets/empty/box.png';
import cartPng from '../assets/empty/cart.png';
import searchPng from '../assets/empty/search.png';
import { imageAlt } from './img-alt';
import './EmptyState.css';

const IMAGES = { box: boxPng as string, cart: cartPng as string, search: searchPng as string };

interface Props {
  description: string;
  /** bundled illustration (NutUI's default one is fetched from a CDN, which mini-programs would block) */
  image?: keyof typeof IMAGES;
  className?: string;
  children?: ReactNode;
}

export default function EmptyState({ description, image = 'box', className = '', children }: Props) {
  return (
    <View className={`empty-state ${className}`}>
      <Empty
        // decorative: the description says it
        image={<Image className="empty-state__image" src={IMAGES[image]} mode="aspectFit" {...imageAlt('')} />}
        imageSize={120}
        description={description}
      />
      {children ? <View className="empty-state__actions">{children}</View> : null}
    </View>
  );
}
