// The address book: the user's delivery addresses, shared by 我的 → 收货地址, checkout and group buy.
import type { Address } from '@contracts';
import { get, post, request } from './request';

export type AddressFields = Omit<Address, 'id'>;

export const listAddresses = () => get<{ items: Address[] }>('/api/v1/addresses');
/** `silent`: the form shows the server's validation errors under its fields itself. */
export const createAddress = (a: AddressFields) => post<Address>('/api/v1/addresses', a, { silent: true });
export const updateAddress = (id: number, a: AddressFields) =>
  request<Address>(`/api/v1/addresses/${id}`, { method: 'PUT', body: a, silent: true });
export const setDefaultAddress = (id: number) => post<Address>(`/api/v1/addresses/${id}/default`);
export const deleteAddress = (id: number) => request<unknown>(`/api/v1/addresses/${id}`, { method: 'DELETE' });
