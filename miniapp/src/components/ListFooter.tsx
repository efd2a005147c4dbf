import { Text, View } from '@tarojs/components';

interface Props {
  loading: boolean;
  failed: boolean;
  hasMore: boolean;
  count: number;
  onRetry: () => void;
}

/** The line under a paged list: loading / retry / the end. */
export default function ListFooter({ loading, failed, hasMore, count, onRetry }: Props) {
  let text = '';
  if (loading) text = '加载中…';
  else if (failed) text = '加载失败，点击重试';
  else if (!hasMore && count > 0) text = '— 没有更多了 —';
  if (!text) return null;
  return (
    <View className="list-footer" onClick={failed ? onRetry : undefined}>
      <Text>{text}</Text>
    </View>
  );
}
