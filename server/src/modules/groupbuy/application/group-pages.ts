// A group's public page, the link shared into a 500-person WeChat group, served from this instance's memory for
// at most READ_CACHE_MS (≤ 1 s, platform/micro-cache.ts); a stampede on a cold page loads it once. This
// instance's own changes to a group (a seat taken, a payment, a cancellation, a close) show at once: whatever
// locks or moves a group says so here, and its page reloads after that transaction commits.
import type { Transaction } from 'sequelize';
import type { z } from 'zod';
import type { Group } from '../../../contracts/groupbuy';
import { MicroCache } from '../../../platform/micro-cache';

export type GroupPage = z.input<typeof Group>;

export class GroupPages {
  private readonly pages: MicroCache<string, GroupPage>;
  /** group id → share code, learnt from the pages loaded (a group's code never changes) */
  private readonly codeOf = new Map<number, string>();

  constructor(ttlMs: number, load: (code: string) => Promise<{ groupId: number; page: GroupPage }>) {
    this.pages = new MicroCache({
      ttlMs,
      max: 10_000,
      load: async (code) => {
        const { groupId, page } = await load(code);
        this.codeOf.set(groupId, code);
        return page;
      },
    });
  }

  get(code: string): Promise<GroupPage> {
    return this.pages.get(code);
  }

  /** `t` changes this group: its page is reloaded once `t` commits. */
  changes(t: Transaction, groupId: number): void {
    t.afterCommit(() => {
      const code = this.codeOf.get(groupId);
      if (code !== undefined) this.pages.invalidate(code);
    });
  }
}

/** What every group of a campaign shows of it: the product, the title and the picture of its first SKU. */
export interface CampaignCard {
  productId: number;
  title: string;
  image: string | null;
}

/**
 * Campaign cards from memory (≤ READ_CACHE_MS): a group page, a list of groups and the response to a seat taken
 * all show them, and they change only when an operator edits the campaign (this instance drops the card then).
 */
export class CampaignCards {
  private readonly cards: MicroCache<number, CampaignCard>;

  constructor(ttlMs: number, load: (campaignId: number) => Promise<CampaignCard>) {
    this.cards = new MicroCache({ ttlMs, max: 2000, load });
  }

  async many(campaignIds: readonly number[]): Promise<Map<number, CampaignCard>> {
    const ids = [...new Set(campaignIds)];
    const cards = await Promise.all(ids.map((id) => this.cards.get(id)));
    return new Map(ids.map((id, i) => [id, cards[i]!]));
  }

  /** after a campaign edit committed */
  changed(campaignId: number): void {
    this.cards.invalidate(campaignId);
  }
}
