// Typed domain events between modules. A module publishes inside the transaction that caused the event; a
// subscriber either runs in that same transaction (it must be atomic with the change: a seat freed with its
// cancelled order) or is handed the event through the outbox (it must be durable but may happen later: a notice,
// a rebate to recompute). Event names and payloads are declared by the publishing module by augmenting
// `DomainEvents`, so a subscriber's handler is typed by the event it names.
import type { Transaction } from 'sequelize';
import type { Outbox } from '../platform/outbox/outbox';

/** Augmented by each publishing module: `declare module '../../kit' { interface DomainEvents { 'order.paid': … } }` */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}
export type EventName = keyof DomainEvents & string;

export type Subscription =
  | { event: EventName; mode: 'in_transaction'; handle(t: Transaction, payload: never): Promise<void> }
  | { event: EventName; mode: 'outbox'; id: string; handle(payload: never): Promise<void> };

/** Runs in the publisher's transaction; a throw rolls the whole change back. */
export function onEvent<E extends EventName>(
  event: E,
  handle: (t: Transaction, payload: DomainEvents[E]) => Promise<void>,
): Subscription {
  return { event, mode: 'in_transaction', handle: handle as Subscription['handle'] } as Subscription;
}

/**
 * Queued in the publisher's transaction and run by the outbox worker after commit, with retries (at least once:
 * the handler must be idempotent). `id` names the subscriber (unique per event), `key` says what makes two
 * publications the same event (deduplicated).
 */
export function onEventDurably<E extends EventName>(
  event: E,
  id: string,
  handle: (payload: DomainEvents[E]) => Promise<void>,
): Subscription {
  return { event, mode: 'outbox', id, handle: handle as never } as Subscription;
}

export interface EventBus {
  publish<E extends EventName>(t: Transaction, event: E, payload: DomainEvents[E], key?: string): Promise<void>;
}

export class ModuleEventBus implements EventBus {
  private readonly subscriptions = new Map<string, Subscription[]>();

  constructor(private readonly outbox: Outbox) {}

  subscribe(s: Subscription): void {
    const list = this.subscriptions.get(s.event) ?? [];
    if (s.mode === 'outbox') {
      const topic = topicOf(s.event, s.id);
      if (list.some((x) => x.mode === 'outbox' && x.id === s.id)) throw new Error(`duplicate subscriber ${topic}`);
      const handle = s.handle as (p: unknown) => Promise<void>;
      this.outbox.register(topic, (p) => handle(p));
    }
    this.subscriptions.set(s.event, [...list, s]);
  }

  async publish<E extends EventName>(t: Transaction, event: E, payload: DomainEvents[E], key?: string) {
    for (const s of this.subscriptions.get(event) ?? []) {
      if (s.mode === 'in_transaction') await (s.handle as (t: Transaction, p: unknown) => Promise<void>)(t, payload);
      else {
        const topic = topicOf(event, s.id);
        await this.outbox.enqueue(t, topic, payload as Record<string, unknown>, {
          dedupeKey: key ? `${topic}:${key}`.slice(0, 128) : undefined,
        });
      }
    }
  }
}

const topicOf = (event: string, id: string) => `event:${event}:${id}`.slice(0, 64);
