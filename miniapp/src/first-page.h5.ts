// H5: the home page (the page most visits open on) is bundled with the app instead of loaded after it. Taro's H5
// router imports every page lazily, and the home page's ~17 chunks then queued behind HTTP/1.1's six connections
// per host: three more round trips before the first paint. Imported here, its modules are in the entry chunks
// and the router's import of it finds them already loaded.
import './pages/home/index';
import type { ProductList } from '@contracts';
import { PAGE_SIZE } from './hooks/useProductPager';
import { handOverProductList } from './services/catalog';
import { buildQuery } from './services/request';

declare global {
  interface Window {
    /** The home page's first products, asked for by index.html before the app's scripts arrived. */
    __linliFirstProducts?: { url: string; answer: Promise<ProductList | null> };
  }
}

const early = window.__linliFirstProducts;
const firstPage = { page: 1, pageSize: PAGE_SIZE };
// index.html writes its URL by hand: an answer to another query (a changed page size) is not taken
if (early && early.url === `/api/v1/products${buildQuery(firstPage)}`) handOverProductList(firstPage, early.answer);
