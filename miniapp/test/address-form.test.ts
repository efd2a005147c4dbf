// The address form's own checks, the mapping of the server's validation details to its fields, and reopening the
// region picker on a stored address (names → the data set's codes).
import { useCascaderAreaData as regionTree } from '@vant/area-data';
import { checkAddress, fieldErrorsOf } from '../src/components/address/fields';
import { codesOf } from '../src/components/address/region-types';
import { ApiError } from '../src/services/request';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const good = {
  name: '王小明',
  phone: '13900001111',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '文三路 100 号',
  isDefault: false,
};

test('a complete address passes; each broken field is named with what to fix', () => {
  expect(checkAddress(good)).toEqual({});
  expect(checkAddress({ ...good, phone: '1390000111' })).toEqual({ phone: '请填写正确的 11 位手机号' });
  expect(checkAddress({ ...good, phone: '23900001111' }).phone).toBeDefined();
  expect(Object.keys(checkAddress({ ...good, name: ' ', city: '', detail: 'x'.repeat(201) })).sort()).toEqual([
    'detail',
    'name',
    'region',
  ]);
});

test("the server's VALIDATION_FAILED details land on the form's fields; other errors are not the form's", () => {
  const invalid = new ApiError('VALIDATION_FAILED', '请求参数不正确', 400, [
    { path: 'phone', message: 'a mainland mobile number, 11 digits' },
    { path: 'district', message: 'Required' },
  ]);
  expect(fieldErrorsOf(invalid)).toEqual({
    phone: '请填写正确的 11 位手机号',
    region: expect.stringContaining('地区'),
  });
  expect(fieldErrorsOf(new ApiError('VALIDATION_FAILED', 'x', 400, [{ path: 'isDefault' }]))).toBeNull();
  expect(fieldErrorsOf(new ApiError('ADDRESS_NOT_FOUND', '收货地址不存在', 404))).toBeNull();
  expect(fieldErrorsOf(new Error('boom'))).toBeNull();
});

test('a stored address reopens the region picker on its codes; unknown names give none', () => {
  const tree = regionTree();
  expect(codesOf(tree, { province: '上海市', city: '上海市', district: '徐汇区' })).toEqual([
    '310000',
    '310100',
    '310104',
  ]);
  expect(codesOf(tree, { province: '浙江省', city: '杭州市', district: '不存在区' })).toEqual([]);
});
