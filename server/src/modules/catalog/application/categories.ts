// Operators' category use cases: a two-level tree, audit-logged, and every change drops the cached details.
import { fn, col, type Transaction } from 'sequelize';
import type {
  AdminCategory,
  AdminCategoryList,
  Category,
  CreateCategoryRequest,
  UpdateCategoryRequest,
} from '../../../contracts/catalog';
import { inTransaction } from '../../../platform/db/transaction';
import type { z } from 'zod';
import { checkCategoryDeletion, checkCategoryPlacement } from '../domain/categories';
import { CatalogErrors } from '../errors';
import type { CategoryAttrs } from '../persistence/models';
import type { CatalogDeps, Operator } from './ports';

const view = (c: CategoryAttrs): Category => ({
  id: c.id,
  name: c.name,
  parentId: c.parentId,
  sort: c.sort,
  icon: c.icon ?? null,
});

async function countBy(
  deps: CatalogDeps,
  model: 'Category' | 'Product',
  column: 'parentId' | 'categoryId',
  ids?: number[],
): Promise<Map<number, number>> {
  const M = deps.models[model] as unknown as CatalogDeps['models']['Category'];
  const rows = (await M.findAll({
    attributes: [column, [fn('COUNT', col('id')), 'n']],
    where: ids ? { [column]: ids } : undefined,
    group: [column],
    raw: true,
  })) as unknown as Record<string, number | string | null>[];
  return new Map(rows.filter((r) => r[column] !== null).map((r) => [Number(r[column]), Number(r.n)]));
}

export async function adminListCategories(deps: CatalogDeps): Promise<AdminCategoryList> {
  const [rows, children, products] = await Promise.all([
    deps.models.Category.findAll({
      order: [
        ['sort', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
    countBy(deps, 'Category', 'parentId'),
    countBy(deps, 'Product', 'categoryId'),
  ]);
  return {
    items: rows.map((r): AdminCategory => {
      const c = view(r.get({ plain: true }));
      return { ...c, childCount: children.get(c.id) ?? 0, productCount: products.get(c.id) ?? 0 };
    }),
  };
}

async function checkPlacement(
  deps: CatalogDeps,
  t: Transaction,
  parentId: number | null,
  self?: { id: number; childCount: number },
): Promise<void> {
  const parent =
    parentId === null ? null : await deps.models.Category.findByPk(parentId, { transaction: t, lock: t.LOCK.UPDATE });
  const problem = checkCategoryPlacement({
    self,
    parentId,
    parent: parent ? { id: parent.getDataValue('id'), parentId: parent.getDataValue('parentId') } : undefined,
  });
  if (problem?.code === 'CATEGORY_NOT_FOUND') throw CatalogErrors.UNKNOWN_CATEGORY(problem, '上级分类不存在');
  if (problem) throw CatalogErrors.CATEGORY_TOO_DEEP(problem);
}

export async function createCategory(
  deps: CatalogDeps,
  input: z.output<typeof CreateCategoryRequest>,
  by: Operator,
): Promise<Category> {
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    // the parent row is locked, so a racing edit cannot make it a child meanwhile
    await checkPlacement(deps, t, input.parentId);
    const row = await deps.models.Category.create(
      { name: input.name, parentId: input.parentId, sort: input.sort, icon: input.icon },
      { transaction: t },
    );
    const created = view(row.get({ plain: true }));
    await deps.audit.record(t, by, {
      action: 'category.create',
      entity: 'category',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function updateCategory(
  deps: CatalogDeps,
  id: number,
  input: z.output<typeof UpdateCategoryRequest>,
  by: Operator,
): Promise<Category> {
  const updated = await inTransaction(deps.sequelize, deps.db, async (t) => {
    const row = await deps.models.Category.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!row) throw CatalogErrors.CATEGORY_NOT_FOUND();
    const before = view(row.get({ plain: true }));
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      const childCount = await deps.models.Category.count({ where: { parentId: id }, transaction: t });
      await checkPlacement(deps, t, input.parentId, { id, childCount });
    }
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    await row.update(patch, { transaction: t });
    const after = view(row.get({ plain: true }));
    await deps.audit.record(t, by, {
      action: 'category.update',
      entity: 'category',
      entityId: id,
      before,
      after,
    });
    return after;
  });
  await deps.hotReads.everythingChanged();
  return updated;
}

export async function deleteCategory(deps: CatalogDeps, id: number, by: Operator): Promise<{ ok: true }> {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const row = await deps.models.Category.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!row) throw CatalogErrors.CATEGORY_NOT_FOUND();
    const [childCount, productCount] = await Promise.all([
      deps.models.Category.count({ where: { parentId: id }, transaction: t }),
      deps.models.Product.count({ where: { categoryId: id }, transaction: t }),
    ]);
    const problem = checkCategoryDeletion({ childCount, productCount });
    if (problem) {
      throw CatalogErrors[problem.code](problem);
    }
    await row.destroy({ transaction: t });
    await deps.audit.record(t, by, {
      action: 'category.delete',
      entity: 'category',
      entityId: id,
      before: view(row.get({ plain: true })),
    });
  });
  await deps.hotReads.everythingChanged();
  return { ok: true };
}
