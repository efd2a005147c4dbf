// After-sale fixtures shared by the tests: a valid request body, and the return address an operator must set
// before a return can be approved.
import type { TestServer } from './harness';

export const RETURN_ADDRESS = {
  name: '邻里售后',
  phone: '0571-88886666',
  address: '浙江省杭州市西湖区文三路 100 号 1 号仓',
};

/** Sets the operator's return address (PUT /api/admin/v1/settings/after-sale). */
export async function setReturnAddress(t: TestServer, adminToken: string, returnAddress = RETURN_ADDRESS) {
  const res = await t.api('PUT', '/api/admin/v1/settings/after-sale', { token: adminToken, body: { returnAddress } });
  if (res.status !== 200) throw new Error(`return address not saved: ${res.status} ${JSON.stringify(res.body)}`);
}
