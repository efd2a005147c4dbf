import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ProductListParams } from '../api/products';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
}

/** The list's filters and page live in the URL, so a reload or a shared link shows the same page. */
export function useListParams(): [ProductListParams, (patch: Partial<ProductListParams>) => void] {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<ProductListParams>(() => {
    const pageSize = positiveInt(search.get('pageSize'));
    const shelf = search.get('onShelf');
    return {
      q: search.get('q')?.trim() || undefined,
      categoryId: positiveInt(search.get('categoryId')),
      onShelf: shelf === 'true' ? true : shelf === 'false' ? false : undefined,
      page: positiveInt(search.get('page')) ?? 1,
      pageSize: pageSize && pageSize <= 100 ? pageSize : DEFAULT_PAGE_SIZE,
    };
  }, [search]);

  const update = useCallback(
    (patch: Partial<ProductListParams>) => {
      const next = { ...params, ...patch };
      // a new filter starts again at page 1
      if (!('page' in patch)) next.page = 1;
      const out = new URLSearchParams();
      if (next.q) out.set('q', next.q);
      if (next.categoryId !== undefined) out.set('categoryId', String(next.categoryId));
      if (next.onShelf !== undefined) out.set('onShelf', String(next.onShelf));
      if (next.page > 1) out.set('page', String(next.page));
      if (next.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(next.pageSize));
      setSearch(out);
    },
    [params, setSearch],
  );

  return [params, update];
}
