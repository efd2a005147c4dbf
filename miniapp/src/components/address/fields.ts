// The address form's rules, checked before sending (the server checks the same ones: contracts/order.ts
// AddressInput), and the mapping of the server's validation details (`[{path, message}]`) to the form's fields.
import { ApiError } from '../../services/request';

export interface AddressDraft {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault: boolean;
}
export type AddressField = 'name' | 'phone' | 'region' | 'detail';
export type FieldErrors = Partial<Record<AddressField, string>>;

const MESSAGES: Record<AddressField, string> = {
  name: '请填写收货人姓名（最多 32 个字）',
  phone: '请填写正确的 11 位手机号',
  region: '请选择所在地区（省 / 市 / 区县）',
  detail: '请填写详细地址（最多 200 个字）',
};

const within = (s: string, max: number) => s.trim().length >= 1 && s.trim().length <= max;

/** The fields that break a rule, with what to tell the user. */
export function checkAddress(d: AddressDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!within(d.name, 32)) errors.name = MESSAGES.name;
  if (!/^1\d{10}$/.test(d.phone.trim())) errors.phone = MESSAGES.phone;
  if (!within(d.province, 32) || !within(d.city, 32) || !within(d.district, 32)) errors.region = MESSAGES.region;
  if (!within(d.detail, 200)) errors.detail = MESSAGES.detail;
  return errors;
}

const FIELD_OF_PATH: Record<string, AddressField> = {
  name: 'name',
  phone: 'phone',
  province: 'region',
  city: 'region',
  district: 'region',
  detail: 'detail',
};

/** The server's VALIDATION_FAILED details as field messages; null when the error is not about the fields. */
export function fieldErrorsOf(err: unknown): FieldErrors | null {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED' || !Array.isArray(err.details)) return null;
  const errors: FieldErrors = {};
  for (const d of err.details as { path?: unknown }[]) {
    const field = FIELD_OF_PATH[String(d.path ?? '').split('.')[0]!];
    if (field) errors[field] = MESSAGES[field];
  }
  return Object.keys(errors).length ? errors : null;
}
