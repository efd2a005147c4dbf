import type { Category, CategoryList } from '@contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';

export const categoryKeys = { all: ['categories'] as const };

export function useCategories() {
  return useQuery({
    queryKey: categoryKeys.all,
    queryFn: ({ signal }) => api.get<CategoryList>('/api/v1/categories', undefined, signal),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
  });
}

export interface CategoryTreeNode {
  value: number;
  title: string;
  children?: CategoryTreeNode[];
}

/** The flat list as a tree (by parentId, then sort) for TreeSelect; orphans become roots. */
export function toCategoryTree(items: readonly Category[]): CategoryTreeNode[] {
  const ids = new Set(items.map((c) => c.id));
  const byParent = new Map<number | null, Category[]>();
  for (const c of items) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    const siblings = byParent.get(parent) ?? [];
    siblings.push(c);
    byParent.set(parent, siblings);
  }
  const build = (parent: number | null, seen: Set<number>): CategoryTreeNode[] =>
    (byParent.get(parent) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort((a, b) => a.sort - b.sort || a.id - b.id)
      .map((c) => {
        const children = build(c.id, new Set(seen).add(c.id));
        return children.length ? { value: c.id, title: c.name, children } : { value: c.id, title: c.name };
      });
  return build(null, new Set());
}
