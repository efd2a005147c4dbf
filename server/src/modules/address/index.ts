// Addresses: a consumer's delivery addresses. Orders copy one into their snapshot.
import type { RouteSpec } from '../../http/route';
import type { AddressDeps } from './application/addresses';
import { addressRoutes } from './http/routes';

export { defineAddressModel, type AddressModel } from './persistence/model';
export { getOwnAddress, type AddressDeps } from './application/addresses';

export function createAddressModule(deps: AddressDeps): { routes: RouteSpec[] } {
  return { routes: addressRoutes(deps) };
}
