// After-sale limits the shop shows and the server enforces (contracts/after-sale.ts): declared once, here, since
// the display module is the part of the contracts the mini-program bundles.

/** Photos a buyer may attach to one after-sale. */
export const MAX_AFTER_SALE_PHOTOS = 3;
