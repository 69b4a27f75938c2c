import { registerEnumType } from 'type-graphql';

/** R-WO-5: what moved stock. On hand and reserved change only through a movement (PartsService.move). */
export enum StockMovementKind {
  RECEIVE = 'RECEIVE',
  RESERVE = 'RESERVE',
  RELEASE = 'RELEASE',
  ISSUE = 'ISSUE',
  RETURN = 'RETURN',
  ADJUST = 'ADJUST',
}

/** A purchase request's status; the moves are parts.process.ts. */
export enum PurchaseRequestStatus {
  OPEN = 'OPEN',
  ORDERED = 'ORDERED',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}

/** Why a purchase request exists. */
export enum PurchaseRequestOrigin {
  REORDER_POINT = 'REORDER_POINT',
  BOOKING_SHORTAGE = 'BOOKING_SHORTAGE',
  JOB_SHORTAGE = 'JOB_SHORTAGE',
  MANUAL = 'MANUAL',
}

/** Kinds of parts events in the log. */
export enum PartsEventKind {
  PART_CREATED = 'PART_CREATED',
  STOCK_MOVED = 'STOCK_MOVED',
  PURCHASE_REQUESTED = 'PURCHASE_REQUESTED',
  PURCHASE_REQUEST_MOVED = 'PURCHASE_REQUEST_MOVED',
}

registerEnumType(StockMovementKind, {
  name: 'StockMovementKind',
  description: 'What moved stock (R-WO-5); every change of on hand or reserved is one movement.',
  valuesConfig: {
    RECEIVE: { description: 'Goods received into stock (on hand up).' },
    RESERVE: { description: 'Held for an appointment (reserved up, R-APT-5).' },
    RELEASE: { description: 'A hold given back (reserved down: appointment cancelled or missed, order closed).' },
    ISSUE: { description: 'Issued to a job of a work order (on hand down, and reserved down for what the order’s appointment held).' },
    RETURN: { description: 'Issued parts returned to stock (on hand up).' },
    ADJUST: { description: 'A stock count correction, with a reason (on hand up or down).' },
  },
});
registerEnumType(PurchaseRequestStatus, {
  name: 'PurchaseRequestStatus',
  description: 'Where a purchase request stands (OPEN → ORDERED → RECEIVED, or CANCELLED).',
  valuesConfig: {
    OPEN: { description: 'Raised; the parts department has not ordered yet.' },
    ORDERED: { description: 'Ordered from the supplier.' },
    RECEIVED: { description: 'The quantity asked for has been received into stock (receiveStock).' },
    CANCELLED: { description: 'Cancelled, with a reason.' },
  },
});
registerEnumType(PurchaseRequestOrigin, {
  name: 'PurchaseRequestOrigin',
  description: 'Why a purchase request was raised.',
  valuesConfig: {
    REORDER_POINT: { description: 'Available stock fell to or below the part’s reorder point (raised by itself, once while open).' },
    BOOKING_SHORTAGE: { description: 'R-APT-5: a booking asked for more than was available.' },
    JOB_SHORTAGE: { description: 'R-WO-5: parts asked for a job of a work order (requestParts) were short; the job waits for them.' },
    MANUAL: { description: 'Raised by staff (createPurchaseRequest).' },
  },
});
