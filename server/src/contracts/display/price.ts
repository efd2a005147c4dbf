// The one rule for the price a page shows beside a product or a campaign (明码标价: a crossed-out reference price
// must belong to the same SKU as the price beside it). Every page — home, 拼团专区, product page, group page, cart,
// checkout, share card, admin lists — asks this rule and formats what it answers; none picks "the price" itself.

/** One SKU as a price tag sees it: what this viewer pays for it and its ordinary (list) price. */
export interface OfferSku {
  skuId: number;
  /** what this viewer pays for one unit (group price, leader price, or the ordinary price) */
  offerFen: number;
  /** the SKU's ordinary price in the shop */
  listPriceFen: number;
  /** units on sale now; SKUs without stock are left out while any SKU has some */
  stock?: number;
}

export interface PriceTag {
  /** the SKU whose price is shown (the cheapest offer on sale) */
  skuId: number;
  priceFen: number;
  /** "起": other SKUs on sale cost more */
  from: boolean;
  /** the same SKU's ordinary price, crossed out; null when it is not higher than the offer */
  referenceFen: number | null;
}

/** The cheapest offer among the SKUs on sale (all of them when none is), ties to the lower list price, then id. */
export function priceTag(skus: readonly OfferSku[]): PriceTag | null {
  const onSale = skus.filter((s) => (s.stock ?? 1) > 0);
  const pool = onSale.length ? onSale : skus;
  let best: OfferSku | undefined;
  for (const s of pool) {
    if (
      !best ||
      s.offerFen < best.offerFen ||
      (s.offerFen === best.offerFen &&
        (s.listPriceFen < best.listPriceFen || (s.listPriceFen === best.listPriceFen && s.skuId < best.skuId)))
    ) {
      best = s;
    }
  }
  if (!best) return null;
  return {
    skuId: best.skuId,
    priceFen: best.offerFen,
    from: pool.some((s) => s.offerFen !== best.offerFen),
    referenceFen: best.listPriceFen > best.offerFen ? best.listPriceFen : null,
  };
}

/** A product's SKUs at their ordinary price: no reference price (nothing is discounted). */
export function productPriceTag(skus: readonly { id: number; priceFen: number; stock?: number }[]): PriceTag | null {
  return priceTag(skus.map((s) => ({ skuId: s.id, offerFen: s.priceFen, listPriceFen: s.priceFen, stock: s.stock })));
}

export interface CampaignSkuPrices {
  skuId: number;
  listPriceFen: number;
  groupPriceFen: number;
  leaderPriceFen: number | null;
  stock?: number;
}

export interface CampaignPriceTags {
  /** what a member joining a group pays: the campaign's headline price */
  member: PriceTag;
  /** what the leader opening a group pays (团长价), only when some SKU has a leader price of its own */
  leader: PriceTag | null;
}

/**
 * A group-buy campaign's tags. The leader price is its own tag (shown as 团长价) and is never folded into the
 * member's "from" price: a member cannot pay it.
 */
export function campaignPriceTags(skus: readonly CampaignSkuPrices[]): CampaignPriceTags | null {
  const member = priceTag(
    skus.map((s) => ({ skuId: s.skuId, offerFen: s.groupPriceFen, listPriceFen: s.listPriceFen, stock: s.stock })),
  );
  if (!member) return null;
  const hasLeaderPrice = skus.some((s) => s.leaderPriceFen !== null && s.leaderPriceFen !== s.groupPriceFen);
  const leader = hasLeaderPrice
    ? priceTag(
        skus.map((s) => ({
          skuId: s.skuId,
          offerFen: s.leaderPriceFen ?? s.groupPriceFen,
          listPriceFen: s.listPriceFen,
          stock: s.stock,
        })),
      )
    : null;
  return { member, leader };
}

/** A tag as plain text, for share titles and tables: "¥24.90起", "¥29.90". */
export function formatPriceTag(tag: PriceTag, format: (fen: number) => string): string {
  return `${format(tag.priceFen)}${tag.from ? '起' : ''}`;
}
