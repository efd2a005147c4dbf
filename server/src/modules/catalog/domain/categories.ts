// Rules of the category tree: two levels (a top-level category and its children), pure, table-tested.

export type CategoryProblem =
  | { code: 'CATEGORY_NOT_FOUND'; parentId: number }
  | { code: 'CATEGORY_TOO_DEEP'; reason: 'parent_is_child' | 'has_children' | 'own_parent' };

export interface Placement {
  /** the category being edited (absent when creating one) */
  self?: { id: number; childCount: number };
  /** the wanted parent id, null for top level */
  parentId: number | null;
  /** the wanted parent as stored (undefined when it does not exist) */
  parent?: { id: number; parentId: number | null };
}

/** May the category sit under `parentId`? Only top-level categories take children, so the tree never grows a
 * third level: the parent must be top level, and a category that has children must stay top level. */
export function checkCategoryPlacement(p: Placement): CategoryProblem | undefined {
  if (p.parentId === null) return undefined;
  if (p.self && p.self.id === p.parentId) return { code: 'CATEGORY_TOO_DEEP', reason: 'own_parent' };
  if (!p.parent) return { code: 'CATEGORY_NOT_FOUND', parentId: p.parentId };
  if (p.parent.parentId !== null) return { code: 'CATEGORY_TOO_DEEP', reason: 'parent_is_child' };
  if (p.self && p.self.childCount > 0) return { code: 'CATEGORY_TOO_DEEP', reason: 'has_children' };
  return undefined;
}

export type DeletionProblem =
  { code: 'CATEGORY_HAS_CHILDREN'; childCount: number } | { code: 'CATEGORY_HAS_PRODUCTS'; productCount: number };

/** A category is deleted only when empty: no children and no products (on or off shelf). */
export function checkCategoryDeletion(c: { childCount: number; productCount: number }): DeletionProblem | undefined {
  if (c.childCount > 0) return { code: 'CATEGORY_HAS_CHILDREN', childCount: c.childCount };
  if (c.productCount > 0) return { code: 'CATEGORY_HAS_PRODUCTS', productCount: c.productCount };
  return undefined;
}
