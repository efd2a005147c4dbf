import { Text } from '@tarojs/components';
import { splitFen } from '@display';
import './Price.css';

interface Props {
  fen: number;
  size?: 'small' | 'normal' | 'large';
  /** append 起 (from) after the price, for "lowest of several SKUs" */
  from?: boolean;
  className?: string;
}

/** A red commerce price: small ¥, big yuan, small cents. Its text content reads `¥19.90`. */
export default function Price({ fen, size = 'normal', from = false, className = '' }: Props) {
  const { sign, yuan, cents } = splitFen(fen);
  return (
    <Text className={`price price--${size} ${className}`}>
      <Text className="price__symbol">{sign}¥</Text>
      <Text className="price__yuan">{yuan}</Text>
      <Text className="price__cents">.{cents}</Text>
      {from && <Text className="price__from">起</Text>}
    </Text>
  );
}
