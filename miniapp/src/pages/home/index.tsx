import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { SearchBar } from '@nutui/nutui-react-taro';
import EmptyState from '../../components/EmptyState';
import HomeBanner from '../../components/HomeBanner';
import ProductCard from '../../components/ProductCard';
import ListFooter from '../../components/ListFooter';
import SortBar from '../../components/SortBar';
import type { ProductSortKey } from '../../services/catalog';
import { useProductPager } from '../../hooks/useProductPager';
import './index.css';

// the cards visible without scrolling on a phone: their pictures load at once, the rest as they come into view
const FIRST_SCREEN = 4;

/**
 * The cards to draw now: a first screenful at once, the rest a frame later. Drawing twenty cards in one go kept a
 * slow phone's main thread busy for several hundred ms before the first picture showed.
 */
function useDrawnCount(total: number): number {
  const [drawn, setDrawn] = useState(FIRST_SCREEN);
  useEffect(() => {
    if (drawn >= total) return;
    const timer = setTimeout(() => setDrawn(total), 0);
    return () => clearTimeout(timer);
  }, [drawn, total]);
  return Math.min(drawn, total);
}

export default function Home() {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<ProductSortKey>('default');
  const pager = useProductPager(q, undefined, true, sort);
  const drawn = useDrawnCount(pager.items.length);

  useReachBottom(() => pager.loadMore());
  usePullDownRefresh(() => {
    void pager.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const search = (value: string) => setQ(value.trim());

  return (
    <View className="home">
      <View className="home__header">
        <View className="home__brand">
          <Text className="home__logo">邻里</Text>
          <Text className="home__slogan">邻里拼团 · 好物直达</Text>
        </View>
        <SearchBar
          className="home__search"
          shape="round"
          placeholder="搜索商品"
          value={input}
          maxLength={64}
          onChange={(v) => setInput(v)}
          onSearch={search}
          onClear={() => {
            setInput('');
            search('');
          }}
          right={
            <Text className="home__search-btn" onClick={() => search(input)}>
              搜索
            </Text>
          }
        />
      </View>

      {q ? null : <HomeBanner />}

      <SortBar value={sort} onChange={setSort} />

      {q && pager.loaded ? (
        <View className="home__result-hint">
          <Text>
            “{q}” 共 {pager.total} 件商品
          </Text>
        </View>
      ) : null}

      {pager.loaded && pager.items.length === 0 && !pager.failed ? (
        <EmptyState
          className="page-empty"
          image={q ? 'search' : 'box'}
          description={q ? '没有找到相关商品，换个词试试' : '商品正在上架中，敬请期待'}
        />
      ) : (
        <View className="home__grid">
          {pager.items.slice(0, drawn).map((p, i) => (
            <View className="home__cell" key={p.id}>
              <ProductCard product={p} eager={i < FIRST_SCREEN} />
            </View>
          ))}
        </View>
      )}

      <ListFooter
        loading={pager.loading}
        failed={pager.failed}
        hasMore={pager.hasMore}
        count={pager.items.length}
        onRetry={() => (pager.loaded ? pager.loadMore() : void pager.reload())}
      />
    </View>
  );
}
