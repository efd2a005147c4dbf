import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductSummary } from '@contracts';
import { listProducts, type ProductSortKey } from '../services/catalog';

export const PAGE_SIZE = 20;

/**
 * Paged product list for one filter (`q` and/or `categoryId`). A changed filter reloads from page 1; answers to
 * superseded requests are dropped, so fast typing or tab switching never shows stale results.
 */
export function useProductPager(
  q: string | undefined,
  categoryId: number | undefined,
  enabled = true,
  sort: ProductSortKey = 'default',
) {
  const [items, setItems] = useState<ProductSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);
  const busy = useRef(false);

  const load = useCallback(
    async (nextPage: number, replace: boolean) => {
      const mine = ++seq.current;
      busy.current = true;
      setLoading(true);
      setFailed(false);
      try {
        const res = await listProducts({
          q: q || undefined,
          categoryId,
          sort: sort === 'default' ? undefined : sort,
          page: nextPage,
          pageSize: PAGE_SIZE,
        });
        if (mine !== seq.current) return;
        setItems((prev) => {
          if (replace) return res.items;
          const seen = new Set(prev.map((p) => p.id));
          return [...prev, ...res.items.filter((p) => !seen.has(p.id))];
        });
        setTotal(res.total);
        setPage(res.page);
      } catch {
        if (mine === seq.current) setFailed(true);
      } finally {
        if (mine === seq.current) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [q, categoryId, sort],
  );

  const reload = useCallback(() => load(1, true), [load]);

  useEffect(() => {
    if (!enabled) return;
    setItems([]);
    setTotal(0);
    setPage(0);
    void load(1, true);
  }, [load, enabled]);

  const hasMore = page === 0 || items.length < total;
  const loadMore = useCallback(() => {
    if (busy.current || failed || page === 0 || items.length >= total) return;
    void load(page + 1, false);
  }, [load, failed, page, items.length, total]);

  return { items, total, loading, failed, hasMore, loaded: page > 0, reload, loadMore };
}
