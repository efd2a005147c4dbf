import type {
  AdminCategory,
  AdminCategoryList,
  Category,
  CreateCategoryRequest,
  UpdateCategoryRequest,
} from '@contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { categoryKeys } from '../products/api/categories';
import { productKeys } from '../products/api/products';

export const adminCategoryKeys = { all: ['admin-categories'] as const };

export function useAdminCategories() {
  return useQuery({
    queryKey: adminCategoryKeys.all,
    queryFn: ({ signal }) => api.get<AdminCategoryList>('/api/admin/v1/categories', undefined, signal),
    select: (data) => data.items,
  });
}

/** After a write: the admin list, the shared category tree (filters, pickers) and product rows (category names). */
function useInvalidateCategories() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminCategoryKeys.all }),
      queryClient.invalidateQueries({ queryKey: categoryKeys.all }),
      queryClient.invalidateQueries({ queryKey: productKeys.lists() }),
    ]);
}

export function useCreateCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: (body: CreateCategoryRequest) => api.post<Category>('/api/admin/v1/categories', body),
    onSuccess: invalidate,
  });
}

export function useUpdateCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateCategoryRequest }) =>
      api.patch<Category>(`/api/admin/v1/categories/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: (id: number) => api.delete<{ ok: true }>(`/api/admin/v1/categories/${id}`),
    onSuccess: invalidate,
  });
}

export interface CategoryRow extends AdminCategory {
  children?: CategoryRow[];
}

const bySort = (a: Category, b: Category) => a.sort - b.sort || a.id - b.id;

/** The flat list as table rows: top-level categories (and orphans) with their children, each level by sort. */
export function toCategoryRows(items: readonly AdminCategory[]): CategoryRow[] {
  const ids = new Set(items.map((c) => c.id));
  const children = new Map<number, AdminCategory[]>();
  const roots: AdminCategory[] = [];
  for (const c of items) {
    if (c.parentId !== null && ids.has(c.parentId) && c.parentId !== c.id) {
      children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
    } else {
      roots.push(c);
    }
  }
  const build = (c: AdminCategory, seen: Set<number>): CategoryRow => {
    const kids = (children.get(c.id) ?? []).filter((k) => !seen.has(k.id)).sort(bySort);
    const next = new Set(seen).add(c.id);
    return kids.length ? { ...c, children: kids.map((k) => build(k, next)) } : { ...c };
  };
  return roots.sort(bySort).map((c) => build(c, new Set()));
}
