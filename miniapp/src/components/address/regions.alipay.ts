// Alipay: a mini-program cannot load a webpack chunk at run time, so the data set is bundled with the address
// form (which lives only in the subpackages that show it, never in the main package).
import { useCascaderAreaData as tree } from '@vant/area-data';
import type { RegionOption } from './region-types';

let regions: RegionOption[] | null = null;

export function loadRegions(): Promise<RegionOption[]> {
  regions ??= tree(); // a plain function despite its name
  return Promise.resolve(regions);
}
