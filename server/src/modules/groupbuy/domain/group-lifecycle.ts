// The group lifecycle as data (api-contract.md): pending (the leader has not paid; not joinable) → open →
// succeeded | failed. A pending group whose leader never pays fails without anyone to refund.
export type GroupStatus = 'pending' | 'open' | 'succeeded' | 'failed';

export const GROUP_TRANSITIONS: Record<GroupStatus, readonly GroupStatus[]> = {
  pending: ['open', 'failed'],
  open: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

export function canMoveGroup(from: GroupStatus, to: GroupStatus): boolean {
  return GROUP_TRANSITIONS[from].includes(to);
}

/** A seat is held by a reserved (unpaid) or paid member; released and refunded ones free it. */
export type MemberStatus = 'reserved' | 'paid' | 'released' | 'refunded';

export const MEMBER_TRANSITIONS: Record<MemberStatus, readonly MemberStatus[]> = {
  reserved: ['paid', 'released'],
  paid: ['refunded'],
  released: [],
  refunded: [],
};
