// The cart: lines per SKU with live prices and stock from the catalog; stale lines flagged with a reason; what an
// order takes leaves the cart in that order's transaction.
import { onEvent } from '../../kit/events';
import { defineModule } from '../../kit/module';
import type { CartDeps } from './application/cart';
import { removeOrderedLines } from './application/ordered';
import { cartRoutes } from './http/routes';
import { defineCartModel, type CartItemModel } from './persistence/model';

export type { CartItemModel };
export { CartErrors } from './errors';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- nothing is offered to other modules yet
export interface CartApi {}

declare module '../../kit/module' {
  interface ModuleApis {
    cart: CartApi;
  }
}

export const cartModule = defineModule({
  name: 'cart',
  models: defineCartModel,
  create(ctx, CartItem) {
    const catalog = ctx.port('catalog');
    const deps: CartDeps = {
      sequelize: ctx.rt.sequelize,
      CartItem,
      skus: (ids) => catalog.skuSnapshots(undefined, ids),
    };
    return {
      api: {},
      routes: cartRoutes(deps),
      subscriptions: [onEvent('order.placed', (t, e) => removeOrderedLines(t, CartItem, e.userId, e.lines))],
    };
  },
});
