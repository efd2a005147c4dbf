// China's provinces, cities and districts (@vant/area-data), loaded on first use as a chunk of its own, so the
// ~90 KB (minified) data set never weighs on the entry or on a page that shows no address form (H5).
import type { RegionOption } from './region-types';

let pending: Promise<RegionOption[]> | null = null;

export function loadRegions(): Promise<RegionOption[]> {
  pending ??= import(/* webpackChunkName: "region-data" */ '@vant/area-data').then(({ useCascaderAreaData: tree }) =>
    tree(),
  );
  return pending;
}
