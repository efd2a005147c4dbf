// The cart: lines per SKU with live prices and stock from the catalog; stale lines flagged with a reason.
import type { RouteSpec } from '../../http/route';
import type { CartDeps } from './application/cart';
import { cartRoutes } from './http/routes';

export { defineCartModel, type CartItemModel } from './persistence/model';
export type { CartDeps } from './application/cart';

export function createCartModule(deps: CartDeps): { routes: RouteSpec[] } {
  return { routes: cartRoutes(deps) };
}
