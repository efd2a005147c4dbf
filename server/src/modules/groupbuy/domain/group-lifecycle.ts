// The group and member lifecycles as data (api-contract.md): pending (the leader has not paid; not joinable) →
// open → succeeded | failed. A pending group whose leader never pays fails without anyone to refund. Every status
// write is `moveStatus` with these tables.
import { defineLifecycle } from '../../../kernel/lifecycle';
import { GroupbuyErrors } from '../errors';

export type GroupStatus = 'pending' | 'open' | 'succeeded' | 'failed';

export const GROUP_LIFECYCLE = defineLifecycle<GroupStatus>({
  name: 'groupbuy_group',
  errorCode: GroupbuyErrors.GROUP_STATE_INVALID.code,
  initial: ['pending'],
  transitions: {
    pending: ['open', 'failed'],
    open: ['succeeded', 'failed'],
    succeeded: [],
    failed: [],
  },
});

/** A seat is held by a reserved (unpaid) or paid member; released and refunded ones free it. */
export type MemberStatus = 'reserved' | 'paid' | 'released' | 'refunded';

export const MEMBER_LIFECYCLE = defineLifecycle<MemberStatus>({
  name: 'groupbuy_member',
  errorCode: GroupbuyErrors.MEMBER_STATE_INVALID.code,
  initial: ['reserved'],
  transitions: {
    reserved: ['paid', 'released'],
    paid: ['refunded'],
    released: [],
    refunded: [],
  },
});

export const GROUP_TRANSITIONS = GROUP_LIFECYCLE.transitions;
export const MEMBER_TRANSITIONS = MEMBER_LIFECYCLE.transitions;
export const canMoveGroup = GROUP_LIFECYCLE.can;
