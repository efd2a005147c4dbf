// Addresses: a consumer's delivery addresses. Orders copy one into their snapshot.
import type { Address } from '../../contracts/order';
import { defineModule } from '../../kit/module';
import { getOwnAddress, type AddressDeps } from './application/addresses';
import { addressRoutes } from './http/routes';
import { defineAddressModel, type AddressModel } from './persistence/model';

export type { AddressModel };
export { AddressErrors } from './errors';

export interface AddressApi {
  /** the user's own address (anyone else's is ADDRESS_NOT_FOUND) */
  ownAddress(userId: number, addressId: number): Promise<Address>;
}

declare module '../../kit/module' {
  interface ModuleApis {
    address: AddressApi;
  }
}

export const addressModule = defineModule({
  name: 'address',
  models: defineAddressModel,
  create({ rt }, Address) {
    const deps: AddressDeps = { sequelize: rt.sequelize, db: rt.db, Address };
    return {
      api: { ownAddress: (userId, id) => getOwnAddress(deps, userId, id) },
      routes: addressRoutes(deps),
    };
  },
});
