import { Text, View } from '@tarojs/components';
import { formatFen, type PriceTag } from '@display';
import Price from './Price';
import './PriceTag.css';

interface Props {
  tag: PriceTag;
  /** what the price is, before it (拼团价, 团长价) */
  label?: string;
  size?: 'small' | 'normal' | 'large';
  className?: string;
}

/**
 * A price as the display rule gives it (contracts/display/price): the price with its 起, and the same SKU's
 * ordinary price crossed out beside it. Every page shows campaign prices through this, so they agree.
 */
export default function PriceTagView({ tag, label, size = 'normal', className = '' }: Props) {
  return (
    <View className={`price-tag ${className}`} data-sku={tag.skuId}>
      {label ? <Text className="price-tag__label">{label}</Text> : null}
      <Price fen={tag.priceFen} from={tag.from} size={size} className="price-tag__price" />
      {tag.referenceFen !== null ? (
        <Text className="price-tag__reference" aria-label={`原价${formatFen(tag.referenceFen)}`}>
          {formatFen(tag.referenceFen)}
        </Text>
      ) : null}
    </View>
  );
}
