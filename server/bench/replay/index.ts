// The replay scripts by scenario name (bench/lib/scenarios.ts). How they were made: bench/README.md, "Replays".
import { orderHotSku, orderTwentySkus } from './orders';
import { groupJoin, groupOpen } from './groups';
import { seckillWriter } from './seckill-writer';
import type { Replay } from './types';

export const REPLAYS: Record<string, Replay> = Object.fromEntries(
  [orderTwentySkus, orderHotSku, groupOpen, groupJoin, seckillWriter].map((r) => [r.name, r]),
);
