import { IdParam, Ok } from '../../../contracts/common';
import { Address, AddressInput, AddressList } from '../../../contracts/order';
import { defineRoute, type RouteSpec } from '../../../http/route';
import {
  createAddress,
  deleteAddress,
  listAddresses,
  setDefaultAddress,
  updateAddress,
  type AddressDeps,
} from '../application/addresses';
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
      method: 'put',
      path: '/api/v1/addresses/:id',
      tags,
      access: 'consumer',
      summary: '修改收货地址（isDefault 为 true 时设为默认；默认地址不能取消默认，只能改设其他地址）',
      params: IdParam,
      body: AddressInput,
      response: Address,
      errors: [AddressErrors.ADDRESS_NOT_FOUND],
      handler: ({ actor, params, body }) => updateAddress(deps, actor.userId, params.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/addresses/:id/default',
      tags,
      access: 'consumer',
      summary: '设为默认收货地址（原默认地址不再是默认）',
      params: IdParam,
      response: Address,
      errors: [AddressErrors.ADDRESS_NOT_FOUND],
      handler: ({ actor, params }) => setDefaultAddress(deps, actor.userId, params.id),
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
