// The H5 home's first products, asked for by index.html before the app ran: the page's first `listProducts` with
// the same query takes that answer; anything else asks the server (services/catalog.ts).
import type { ProductList } from '@contracts';
import { handOverProductList, listProducts } from '../src/services/catalog';

// (jest.mock is hoisted above the imports)
const get = jest.fn();
jest.mock('../src/services/request', () => ({
  ...jest.requireActual('../src/services/request'),
  get: (...args: unknown[]) => get(...args),
}));
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const list = (title: string) => ({ items: [{ title }], total: 1, page: 1, pageSize: 20 }) as unknown as ProductList;
const firstPage = { page: 1, pageSize: 20 };

beforeEach(() => {
  get.mockReset();
  get.mockResolvedValue(list('from the server'));
});

test('the same query takes the early answer, once', async () => {
  handOverProductList(firstPage, Promise.resolve(list('early')));
  await expect(listProducts({ page: 1, pageSize: 20, q: undefined, sort: undefined })).resolves.toEqual(list('early'));
  expect(get).not.toHaveBeenCalled();
  await expect(listProducts(firstPage)).resolves.toEqual(list('from the server'));
  expect(get).toHaveBeenCalledTimes(1);
});

test('another query asks the server, and the early answer is not kept for later', async () => {
  handOverProductList(firstPage, Promise.resolve(list('early')));
  await expect(listProducts({ ...firstPage, categoryId: 3 })).resolves.toEqual(list('from the server'));
  await expect(listProducts(firstPage)).resolves.toEqual(list('from the server'));
  expect(get).toHaveBeenCalledTimes(2);
});

test('a failed early request (null) is asked for again the usual way', async () => {
  handOverProductList(firstPage, Promise.resolve(null));
  await expect(listProducts(firstPage)).resolves.toEqual(list('from the server'));
  expect(get).toHaveBeenCalledWith('/api/v1/products', firstPage);
});
