import { registerEnumType } from 'type-graphql';

/** Where an estimate stands; the moves are estimate.process.ts. */
export enum EstimateStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  SUPERSEDED = 'SUPERSEDED',
}

/** R-EST-2: what a line is. */
export enum EstimateLineKind {
  PART = 'PART',
  LABOUR = 'LABOUR',
  FEE = 'FEE',
}

/** R-EST-2: original (OEM) part or aftermarket. */
export enum PartSource {
  OEM = 'OEM',
  AFTERMARKET = 'AFTERMARKET',
}

/** Who a line is billed to (R-EST-5: warranty lines go to the OEM, never to the customer). */
export enum EstimatePayer {
  CUSTOMER = 'CUSTOMER',
  WARRANTY = 'WARRANTY',
  INSURANCE = 'INSURANCE',
}

/** The customer's decision on one line (R-EST-3/4). */
export enum LineDecision {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DEFERRED = 'DEFERRED',
  DECLINED = 'DECLINED',
}

/** R-EST-4: how the customer approved. */
export enum ApprovalMethod {
  ON_SITE_SIGNATURE = 'ON_SITE_SIGNATURE',
  PHONE = 'PHONE',
  LINK = 'LINK',
}

/** R-REC-5: how the customer consented to a teardown diagnosis. */
export enum ConsentMethod {
  ON_SITE_SIGNATURE = 'ON_SITE_SIGNATURE',
  PHONE = 'PHONE',
}

/** Why a vehicle is or is not under warranty (R-EST-5). */
export enum WarrantyReason {
  IN_WARRANTY = 'IN_WARRANTY',
  EXPIRED_BY_DATE = 'EXPIRED_BY_DATE',
  EXPIRED_BY_MILEAGE = 'EXPIRED_BY_MILEAGE',
  NO_PURCHASE_DATE = 'NO_PURCHASE_DATE',
  NO_WARRANTY_TERMS = 'NO_WARRANTY_TERMS',
}

/** Kinds of estimate events in the log. */
export enum EstimateEventKind {
  SAVED = 'ESTIMATE_SAVED',
  SENT = 'ESTIMATE_SENT',
  APPROVED = 'ESTIMATE_APPROVED',
  DECLINED = 'ESTIMATE_DECLINED',
  SUPERSEDED = 'ESTIMATE_SUPERSEDED',
  WARRANTY_DECIDED = 'WARRANTY_DECIDED',
  SUPPLEMENTAL_ADDED = 'SUPPLEMENTAL_ADDED',
}

registerEnumType(EstimateStatus, {
  name: 'EstimateStatus',
  description: 'Where an estimate stands (DRAFT → SENT → APPROVED / DECLINED; SUPERSEDED by a newer one).',
  valuesConfig: {
    DRAFT: { description: 'Being written; editable with expectedVersion.' },
    SENT: { description: 'Shown to the customer and waiting for a decision; no longer editable.' },
    APPROVED: { description: 'The customer approved at least one line; the approval is immutable.' },
    DECLINED: { description: 'The customer decided and approved no line (supplemental estimates only).' },
    SUPERSEDED: { description: 'Replaced by a newer estimate before a decision.' },
  },
});
registerEnumType(EstimateLineKind, {
  name: 'EstimateLineKind',
  description: 'What an estimate line is (R-EST-2).',
  valuesConfig: {
    PART: { description: 'A part: part number, source, quantity × unit price.' },
    LABOUR: { description: 'Labour: an operation, standard hours × hourly rate.' },
    FEE: { description: 'Another fee (consumables, disposal …): a fixed amount.' },
  },
});
registerEnumType(PartSource, {
  name: 'PartSource',
  description: 'Where a part comes from (R-EST-2).',
  valuesConfig: { OEM: { description: 'Original part (原厂件).' }, AFTERMARKET: { description: 'Aftermarket or brand part (品牌件/副厂件).' } },
});
registerEnumType(EstimatePayer, {
  name: 'EstimatePayer',
  description: 'Who a line is billed to.',
  valuesConfig: {
    CUSTOMER: { description: 'The customer.' },
    WARRANTY: { description: 'The manufacturer under warranty (索赔); needs the warranty clerk’s confirmation (R-EST-5).' },
    INSURANCE: { description: 'An insurer.' },
  },
});
registerEnumType(LineDecision, {
  name: 'LineDecision',
  description: 'The customer’s decision on a line.',
  valuesConfig: {
    PENDING: { description: 'Not decided yet.' },
    APPROVED: { description: 'Approved: may be done and charged.' },
    DEFERRED: { description: 'Deferred to a later visit (carried over, R-APT-8).' },
    DECLINED: { description: 'Declined (neither approved nor deferred).' },
  },
});
registerEnumType(ApprovalMethod, {
  name: 'ApprovalMethod',
  description: 'How the customer approved (R-EST-4).',
  valuesConfig: {
    ON_SITE_SIGNATURE: { description: 'Signed on site; the signature is an upload.' },
    PHONE: { description: 'By phone; the advisor records a note (time, recording number).' },
    LINK: { description: 'By the customer through the progress link (approveEstimateByLink only).' },
  },
});
registerEnumType(ConsentMethod, {
  name: 'ConsentMethod',
  description: 'How the customer consented to a teardown (R-REC-5).',
  valuesConfig: { ON_SITE_SIGNATURE: { description: 'Signed on site (an upload).' }, PHONE: { description: 'By phone, with a note.' } },
});
registerEnumType(WarrantyReason, {
  name: 'WarrantyReason',
  description: 'Why a vehicle is or is not under warranty (R-EST-5).',
  valuesConfig: {
    IN_WARRANTY: { description: 'Within both the years and the kilometres of the terms.' },
    EXPIRED_BY_DATE: { description: 'More years since purchase than the terms give.' },
    EXPIRED_BY_MILEAGE: { description: 'More kilometres than the terms give.' },
    NO_PURCHASE_DATE: { description: 'The archive has no purchase date.' },
    NO_WARRANTY_TERMS: { description: 'The archive has no warranty years or kilometres.' },
  },
});
