import { useCallback, useEffect, useMemo, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Category } from '@contracts';
import { scrollRegion } from '../../components/a11y';
import EmptyState from '../../components/EmptyState';
import ProductCard from '../../components/ProductCard';
import ListFooter from '../../components/ListFooter';
import { useProductPager } from '../../hooks/useProductPager';
import SortBar from '../../components/SortBar';
import type { ProductSortKey } from '../../services/catalog';
import { listCategories } from '../../services/catalog';
import './index.css';

/** H5: the router's page container (between nav bar and tab bar) has the height; mini-programs: the viewport. */
const FILL = process.env.TARO_ENV === 'h5' ? 'category--fill-parent' : '';

const bySort = (a: Category, b: Category) => a.sort - b.sort || a.id - b.id;

export default function CategoryPage() {
  const [categories, setCategories] = useState<Category[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [topId, setTopId] = useState<number | undefined>(undefined);
  const [subId, setSubId] = useState<number | undefined>(undefined);

  const load = useCallback(() => {
    setFailed(false);
    listCategories()
      .then((res) => {
        setCategories(res.items);
        const first = res.items.filter((c) => c.parentId === null).sort(bySort)[0];
        setTopId((cur) => cur ?? first?.id);
      })
      .catch(() => setFailed(true));
  }, []);
  useEffect(load, [load]);

  const tops = useMemo(() => (categories ?? []).filter((c) => c.parentId === null).sort(bySort), [categories]);
  const children = useMemo(
    () => (categories ?? []).filter((c) => topId !== undefined && c.parentId === topId).sort(bySort),
    [categories, topId],
  );
  const [sort, setSort] = useState<ProductSortKey>('default');
  const pager = useProductPager(undefined, subId ?? topId, topId !== undefined, sort);

  if (categories && tops.length === 0) {
    return <EmptyState className="page-empty" description="暂无分类" />;
  }
  if (failed) {
    return (
      <EmptyState className="page-empty" description="分类加载失败">
        <Button type="primary" size="small" onClick={load}>
          重试
        </Button>
      </EmptyState>
    );
  }

  return (
    <View className={`category ${FILL}`}>
      <ScrollView className="category__nav" scrollY>
        {tops.map((c) => (
          <View
            key={c.id}
            className={`category__nav-item ${c.id === topId ? 'category__nav-item--active' : ''}`}
            onClick={() => {
              setTopId(c.id);
              setSubId(undefined);
            }}
          >
            <Text>{c.name}</Text>
          </View>
        ))}
      </ScrollView>
      <ScrollView
        className="category__main"
        scrollY
        lowerThreshold={150}
        onScrollToLower={pager.loadMore}
        {...scrollRegion('商品列表')}
      >
        {children.length > 0 && (
          <View className="category__chips">
            <Text
              className={`category__chip ${subId === undefined ? 'category__chip--active' : ''}`}
              onClick={() => setSubId(undefined)}
            >
              全部
            </Text>
            {children.map((c) => (
              <Text
                key={c.id}
                className={`category__chip ${subId === c.id ? 'category__chip--active' : ''}`}
                onClick={() => setSubId(c.id)}
              >
                {c.name}
              </Text>
            ))}
          </View>
        )}
        <SortBar value={sort} onChange={setSort} />
        {pager.loaded && pager.items.length === 0 && !pager.failed ? (
          <EmptyState description="该分类下暂无商品" />
        ) : (
          pager.items.map((p) => (
            <View className="category__item" key={p.id}>
              <ProductCard product={p} layout="row" />
            </View>
          ))
        )}
        <ListFooter
          loading={pager.loading || categories === null}
          failed={pager.failed}
          hasMore={pager.hasMore}
          count={pager.items.length}
          onRetry={() => (pager.loaded ? pager.loadMore() : void pager.reload())}
        />
      </ScrollView>
    </View>
  );
}
