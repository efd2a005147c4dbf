import { canMoveGroup, GROUP_TRANSITIONS } from '../../src/modules/groupbuy/domain/group-lifecycle';
import {
  afterMemberPaid,
  campaignActive,
  campaignProblems,
  decideExpiry,
  joinable,
  nextLeader,
  rankAlternatives,
  unitPriceFor,
} from '../../src/modules/groupbuy/domain/rules';

const NOW = new Date('2026-11-23T04:00:00Z');
const at = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

describe('the group lifecycle table', () => {
  it.each([
    ['pending', 'open', true],
    ['pending', 'failed', true],
    ['pending', 'succeeded', false],
    ['open', 'succeeded', true],
    ['open', 'failed', true],
    ['succeeded', 'failed', false],
    ['failed', 'open', false],
  ] as const)('%s → %s: %s', (from, to, ok) => expect(canMoveGroup(from, to)).toBe(ok));

  it('ends in succeeded or failed', () => {
    expect(GROUP_TRANSITIONS.succeeded).toEqual([]);
    expect(GROUP_TRANSITIONS.failed).toEqual([]);
  });
});

describe('campaign rules', () => {
  const base = { size: 2, validityHours: 24, virtualThresholdPct: 50, startsAt: null, endsAt: null };
  const sku = (groupPriceFen: number, leaderPriceFen: number | null = null) => ({
    skuId: 1,
    listPriceFen: 1000,
    groupPriceFen,
    leaderPriceFen,
  });
  it.each([
    ['a good campaign', {}, [sku(800)], []],
    ['size 1', { size: 1 }, [sku(800)], ['size']],
    ['size 101', { size: 101 }, [sku(800)], ['size']],
    ['no prices', {}, [], ['skus']],
    ['a group price above the list price', {}, [sku(1001)], ['skus.1.groupPriceFen']],
    ['a leader price above the group price', {}, [sku(800, 801)], ['skus.1.leaderPriceFen']],
    ['a window ending before it starts', { startsAt: at(2), endsAt: at(1) }, [sku(800)], ['endsAt']],
    ['validity of 0 hours', { validityHours: 0 }, [sku(800)], ['validityHours']],
  ] as const)('%s', (_n, patch, skus, fields) => {
    expect(campaignProblems({ ...base, ...patch, skus: [...skus] }).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    [{ enabled: true, startsAt: null, endsAt: null }, true],
    [{ enabled: false, startsAt: null, endsAt: null }, false],
    [{ enabled: true, startsAt: at(1), endsAt: null }, false],
    [{ enabled: true, startsAt: at(-1), endsAt: at(1) }, true],
    [{ enabled: true, startsAt: null, endsAt: NOW }, false],
  ])('active(%o) = %s', (window, active) => expect(campaignActive(window, NOW)).toBe(active));

  it('the leader pays the leader price when there is one', () => {
    expect(unitPriceFor(sku(800, 700), true)).toBe(700);
    expect(unitPriceFor(sku(800, 700), false)).toBe(800);
    expect(unitPriceFor(sku(800), true)).toBe(800);
  });
});

describe('payments and expiry', () => {
  it.each([
    [
      'the leader opens a pending group',
      { status: 'pending', size: 3, paidCount: 0 },
      true,
      { open: true, complete: false, paidCount: 1 },
    ],
    ['a member pays', { status: 'open', size: 3, paidCount: 1 }, false, { open: false, complete: false, paidCount: 2 }],
    [
      'the last seat completes it',
      { status: 'open', size: 3, paidCount: 2 },
      false,
      { open: false, complete: true, paidCount: 3 },
    ],
  ] as const)('%s', (_n, g, leader, effect) => expect(afterMemberPaid(g, leader)).toEqual(effect));

  it.each([
    ['virtual off', 4, 3, { enabled: false, thresholdPct: 50 }, 'failed'],
    ['at the threshold', 4, 2, { enabled: true, thresholdPct: 50 }, 'succeeded_virtually'],
    ['below the threshold', 4, 1, { enabled: true, thresholdPct: 50 }, 'failed'],
    ['nobody paid, even at 1%', 10, 0, { enabled: true, thresholdPct: 1 }, 'failed'],
    ['100% needs every seat', 3, 2, { enabled: true, thresholdPct: 100 }, 'failed'],
  ] as const)('%s', (_n, size, paidCount, virtual, decision) =>
    expect(decideExpiry({ status: 'open', size, paidCount }, virtual)).toBe(decision),
  );
});

describe('joining and routing', () => {
  const g = (id: number, seatsTaken: number, expiresInH: number, members: number[] = []) => ({
    id,
    code: `G${id}`,
    status: 'open' as const,
    size: 5,
    seatsTaken,
    expiresAt: at(expiresInH),
    memberUserIds: members,
  });
  it.each([
    ['an open group with seats', g(1, 2, 1), true],
    ['a full group', g(1, 5, 1), false],
    ['an expired group', g(1, 2, -1), false],
    ['a group the user is in', g(1, 2, 1, [42]), false],
    ['a pending group', { ...g(1, 1, 1), status: 'pending' as const, expiresAt: null }, false],
  ])('%s: %s', (_n, group, ok) => expect(joinable(group, 42, NOW)).toBe(ok));

  it('routes to the group closest to completing, then the soonest to expire', () => {
    const ranked = rankAlternatives([g(1, 2, 5), g(2, 4, 9), g(3, 4, 2), g(4, 5, 1), g(5, 3, 1, [42])], 42, NOW);
    expect(ranked.map((x) => x.id)).toEqual([3, 2, 1]);
  });

  it('hands leadership to the earliest paid member who stays', () => {
    const m = (id: number, userId: number, status: string, paidMin: number | null) => ({
      id,
      userId,
      status,
      paidAt: paidMin === null ? null : new Date(NOW.getTime() + paidMin * 60_000),
    });
    const members = [m(1, 10, 'paid', 0), m(2, 11, 'reserved', null), m(3, 12, 'paid', 9), m(4, 13, 'paid', 5)];
    expect(nextLeader(members, 10)?.userId).toBe(13);
    expect(nextLeader([m(1, 10, 'paid', 0), m(2, 11, 'reserved', null)], 10)).toBeUndefined();
  });
});
