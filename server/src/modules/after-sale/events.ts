// The after-sale module's typed events (kit/events.ts): the per-line side of refunds, for modules that must undo
// something line by line (a rebate reversed in proportion to what went back).
export interface AfterSaleEvents {
  /** an after-sale's refund reached the payer: which order lines went back, how many units, for how much */
  'after_sale.refunded': {
    afterSaleId: number;
    orderId: number;
    userId: number;
    amountFen: number;
    lines: { orderItemId: number; quantity: number; amountFen: number }[];
  };
}

declare module '../../kit/events' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the augmentation is the point
  interface DomainEvents extends AfterSaleEvents {}
}
