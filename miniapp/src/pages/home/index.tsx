import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { SearchBar } from '@nutui/nutui-react-taro';
import EmptyState from '../../components/EmptyState';
import ProductCard from '../../components/ProductCard';
import ListFooter from '../../components/ListFooter';
import SortBar from '../../components/SortBar';
import type { ProductSortKey } from '../../services/catalog';
import { useProductPager } from '../../hooks/useProductPager';
import './index.css';

export default function Home() {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<ProductSortKey>('default');
  const pager = useProductPager(q, undefined, true, sort);

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
          {pager.items.map((p) => (
            <View className="home__cell" key={p.id}>
              <ProductCard product={p} />
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
