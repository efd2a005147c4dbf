import { IdParam, Ok } from '../../../contracts/common';
import { Address, AddressInput, AddressList } from '../../../contracts/order';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { createAddress, deleteAddress, listAddresses, type AddressDeps } from '../application/addresses';
import { AddressErrors } from '../errors';

const tags = ['address'];

export function addressRoutes(deps: AddressDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/addresses',
      tags,
      access: 'consumer',
      status: 201,
      summary: '新增收货地址（第一个地址自动成为默认）',
      body: AddressInput,
      response: Address,
      handler: ({ actor, body }) => createAddress(deps, actor.userId, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/addresses',
      tags,
      access: 'consumer',
      summary: '我的收货地址',
      response: AddressList,
      handler: ({ actor }) => listAddresses(deps, actor.userId),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/addresses/:id',
      tags,
      access: 'consumer',
      summary: '删除收货地址',
      params: IdParam,
      response: Ok,
      errors: [AddressErrors.ADDRESS_NOT_FOUND],
      handler: ({ actor, params }) => deleteAddress(deps, actor.userId, params.id),
    }),
  ];
}
