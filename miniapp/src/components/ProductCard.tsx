import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ProductSummary } from '@contracts';
import { resolveAsset } from '../services/env';
import { imageAlt } from './img-alt';
import Price from './Price';
import './ProductCard.css';

export function openProduct(id: number): void {
  void Taro.navigateTo({ url: `/subpackages/product/detail/index?id=${id}` });
}

interface Props {
  product: ProductSummary;
  /** `grid` (two columns, home) or `row` (image left, category page) */
  layout?: 'grid' | 'row';
  /** load the picture at once (the first screenful: the page's largest paint), not when scrolled into view */
  eager?: boolean;
}

export default function ProductCard({ product, layout = 'grid', eager = false }: Props) {
  const image = resolveAsset(product.image);
  return (
    <View
      className={`product-card product-card--${layout}`}
      data-id={product.id}
      onClick={() => openProduct(product.id)}
    >
      <View className="product-card__media">
        {image ? (
          <Image
            className="product-card__image"
            src={image}
            mode="aspectFill"
            lazyLoad={!eager}
            {...imageAlt(product.title, { priority: eager })}
          />
        ) : (
          <View className="product-card__placeholder" aria-hidden="true">
            邻里
          </View>
        )}
      </View>
      <View className="product-card__body">
        <Text className="product-card__title">{product.title}</Text>
        {product.subtitle ? <Text className="product-card__subtitle">{product.subtitle}</Text> : null}
        <View className="product-card__footer">
          <Price fen={product.priceFen} from={product.from} size="small" className="product-card__price" />
          <Text className="product-card__sales">已售 {product.sales}</Text>
        </View>
      </View>
    </View>
  );
}
