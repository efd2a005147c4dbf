import { statusLabel, type StatusKind } from '@display';
import { Tag } from 'antd';

// The words come from the shared labels (@display); only the admin's tag colours live here.
const COLORS: Partial<Record<StatusKind, Record<string, string>>> = {
  order: {
    pending_payment: 'orange',
    awaiting_group: 'purple',
    to_ship: 'blue',
    shipped: 'cyan',
    completed: 'green',
    refunding: 'magenta',
  },
  group: { open: 'blue', succeeded: 'green', failed: 'red' },
  member: { reserved: 'orange', paid: 'green' },
  afterSale: {
    requested: 'orange',
    awaiting_return: 'blue',
    returning: 'cyan',
    refunding: 'magenta',
    refunded: 'green',
  },
  refund: { processing: 'blue', succeeded: 'green', failed: 'red' },
};

/** A status as a coloured tag, labelled the same way as in the shop. */
export function StatusTag({ kind, status, className }: { kind: StatusKind; status: string; className?: string }) {
  return (
    <Tag className={className} color={COLORS[kind]?.[status]}>
      {statusLabel(kind, status)}
    </Tag>
  );
}
