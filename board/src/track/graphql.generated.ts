/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** R-FU-2: the customer rates the visit on their progress page after delivery (no login; the token is the credential). */
export type AnswerSurveyByLinkInput = {
  /** Service attitude, 1–5. */
  attitude: number;
  /** Price transparency, 1–5. */
  priceTransparency: number;
  /** Work quality, 1–5. */
  quality: number;
  /** Suggestions, in the customer’s words. */
  suggestions: string | null | undefined;
  /** The customer’s tracking token. */
  token: string;
};

/** R-EST-4: the customer approves the pending estimate through the progress link (no login). */
export type ApproveEstimateByLinkInput = {
  /** The lines approved. */
  approvedLineIds: Array<string>;
  /** The name of the person approving. */
  approverName: string;
  /** The lines deferred to a later visit. */
  deferredLineIds: Array<string>;
  /** Global id of the pending estimate (trackWorkOrder.pendingEstimate.id). */
  estimateId: string;
  /** The version shown; refused with STALE_VERSION when it changed. */
  expectedVersion: number;
  /** The customer’s tracking token. */
  token: string;
};

/** What an estimate line is (R-EST-2). */
export type EstimateLineKind =
  /** Another fee (consumables, disposal …): a fixed amount. */
  | 'FEE'
  /** Labour: an operation, standard hours × hourly rate. */
  | 'LABOUR'
  /** A part: part number, source, quantity × unit price. */
  | 'PART';

/** Who a line is billed to. */
export type EstimatePayer =
  /** The customer. */
  | 'CUSTOMER'
  /** An insurer. */
  | 'INSURANCE'
  /** The manufacturer under warranty (索赔); needs the warranty clerk’s confirmation (R-EST-5). */
  | 'WARRANTY';

/** A step of the customer’s tracker. */
export type ProgressStepKey =
  /** Diagnosis and estimate (诊断报价). */
  | 'ESTIMATE'
  /** Quality check (质检). */
  | 'QUALITY_CHECK'
  /** Ready to collect (待交车). */
  | 'READY'
  /** The car was received (接车). */
  | 'RECEIVED'
  /** Repair (维修中). */
  | 'REPAIR'
  /** Wash (洗车). */
  | 'WASH';

/** State of a tracker step. */
export type ProgressStepState =
  /** In progress now (or paused, when the order is on hold). */
  | 'CURRENT'
  /** Done. */
  | 'DONE'
  /** Not reached yet. */
  | 'PENDING'
  /** Not part of this order (e.g. no wash). */
  | 'SKIPPED';

/** Status of a work order; the allowed moves are the transitions table (R-WO-1). */
export type WorkOrderStatus =
  /** Estimate given; waiting for the customer to approve. */
  | 'AWAITING_APPROVAL'
  /** Cancelled, with a reason. Final. */
  | 'CANCELLED'
  /** Handed back to the customer. Final. */
  | 'DELIVERED'
  /** Being written up at reception. */
  | 'DRAFT'
  /** Being repaired (维修中). */
  | 'IN_PROGRESS'
  /** Paused, with a holdReason (暂停). */
  | 'ON_HOLD'
  /** Waiting for or in final inspection (质检). */
  | 'QUALITY_CHECK'
  /** Approved; waiting for a bay and technicians (待派工). */
  | 'QUEUED'
  /** Ready for the customer to collect (待交车). */
  | 'READY'
  /** Being washed (洗车). */
  | 'WASHING';

export type TrackProgressFragment = { number: string, status: WorkOrderStatus, promisedAt: string | null, estimatedCompletionAt: string | null, updatedAt: string, timeZone: string, progressPercent: number | null, progressNote: string | null, progressAt: string | null, steps: Array<{ key: ProgressStepKey, label: string, state: ProgressStepState, at: string | null, detail: string | null }>, vehicle: { model: string, color: string | null, plateMasked: string }, delay: { reason: string, remedy: string | null } | null, advisor: { name: string, phone: string | null }, pendingEstimate: { id: string, version: number, supplemental: boolean, reason: string | null, taxBasisPoints: number, lines: Array<{ id: string, kind: EstimateLineKind, description: string, quantity: number | null, amountFen: number, payer: EstimatePayer, alternativeGroup: string | null, tradeOff: string | null, deferrable: boolean, risk: string | null }>, totals: { totalFen: number, customerFen: number } } | null, survey: { answered: boolean, attitude: number | null, quality: number | null, priceTransparency: number | null } | null };

export type TrackWorkOrderQueryVariables = Exact<{
  token: string;
}>;


export type TrackWorkOrderQuery = { trackWorkOrder: { number: string, status: WorkOrderStatus, promisedAt: string | null, estimatedCompletionAt: string | null, updatedAt: string, timeZone: string, progressPercent: number | null, progressNote: string | null, progressAt: string | null, steps: Array<{ key: ProgressStepKey, label: string, state: ProgressStepState, at: string | null, detail: string | null }>, vehicle: { model: string, color: string | null, plateMasked: string }, delay: { reason: string, remedy: string | null } | null, advisor: { name: string, phone: string | null }, pendingEstimate: { id: string, version: number, supplemental: boolean, reason: string | null, taxBasisPoints: number, lines: Array<{ id: string, kind: EstimateLineKind, description: string, quantity: number | null, amountFen: number, payer: EstimatePayer, alternativeGroup: string | null, tradeOff: string | null, deferrable: boolean, risk: string | null }>, totals: { totalFen: number, customerFen: number } } | null, survey: { answered: boolean, attitude: number | null, quality: number | null, priceTransparency: number | null } | null } | null };

export type WorkOrderProgressSubscriptionVariables = Exact<{
  token: string;
}>;


export type WorkOrderProgressSubscription = { workOrderProgress: { number: string, status: WorkOrderStatus, promisedAt: string | null, estimatedCompletionAt: string | null, updatedAt: string, timeZone: string, progressPercent: number | null, progressNote: string | null, progressAt: string | null, steps: Array<{ key: ProgressStepKey, label: string, state: ProgressStepState, at: string | null, detail: string | null }>, vehicle: { model: string, color: string | null, plateMasked: string }, delay: { reason: string, remedy: string | null } | null, advisor: { name: string, phone: string | null }, pendingEstimate: { id: string, version: number, supplemental: boolean, reason: string | null, taxBasisPoints: number, lines: Array<{ id: string, kind: EstimateLineKind, description: string, quantity: number | null, amountFen: number, payer: EstimatePayer, alternativeGroup: string | null, tradeOff: string | null, deferrable: boolean, risk: string | null }>, totals: { totalFen: number, customerFen: number } } | null, survey: { answered: boolean, attitude: number | null, quality: number | null, priceTransparency: number | null } | null } | null };

export type ApproveEstimateByLinkMutationVariables = Exact<{
  input: ApproveEstimateByLinkInput;
}>;


export type ApproveEstimateByLinkMutation = { approveEstimateByLink: { progress: { number: string, status: WorkOrderStatus, promisedAt: string | null, estimatedCompletionAt: string | null, updatedAt: string, timeZone: string, progressPercent: number | null, progressNote: string | null, progressAt: string | null, steps: Array<{ key: ProgressStepKey, label: string, state: ProgressStepState, at: string | null, detail: string | null }>, vehicle: { model: string, color: string | null, plateMasked: string }, delay: { reason: string, remedy: string | null } | null, advisor: { name: string, phone: string | null }, pendingEstimate: { id: string, version: number, supplemental: boolean, reason: string | null, taxBasisPoints: number, lines: Array<{ id: string, kind: EstimateLineKind, description: string, quantity: number | null, amountFen: number, payer: EstimatePayer, alternativeGroup: string | null, tradeOff: string | null, deferrable: boolean, risk: string | null }>, totals: { totalFen: number, customerFen: number } } | null, survey: { answered: boolean, attitude: number | null, quality: number | null, priceTransparency: number | null } | null } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type AnswerSurveyByLinkMutationVariables = Exact<{
  input: AnswerSurveyByLinkInput;
}>;


export type AnswerSurveyByLinkMutation = { answerSurveyByLink: { progress: { number: string, status: WorkOrderStatus, promisedAt: string | null, estimatedCompletionAt: string | null, updatedAt: string, timeZone: string, progressPercent: number | null, progressNote: string | null, progressAt: string | null, steps: Array<{ key: ProgressStepKey, label: string, state: ProgressStepState, at: string | null, detail: string | null }>, vehicle: { model: string, color: string | null, plateMasked: string }, delay: { reason: string, remedy: string | null } | null, advisor: { name: string, phone: string | null }, pendingEstimate: { id: string, version: number, supplemental: boolean, reason: string | null, taxBasisPoints: number, lines: Array<{ id: string, kind: EstimateLineKind, description: string, quantity: number | null, amountFen: number, payer: EstimatePayer, alternativeGroup: string | null, tradeOff: string | null, deferrable: boolean, risk: string | null }>, totals: { totalFen: number, customerFen: number } } | null, survey: { answered: boolean, attitude: number | null, quality: number | null, priceTransparency: number | null } | null } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TrackProgressFragmentDoc = new TypedDocumentString(`
    fragment TrackProgress on WorkOrderProgress {
  number
  status
  steps {
    key
    label
    state
    at
    detail
  }
  vehicle {
    model
    color
    plateMasked
  }
  promisedAt
  estimatedCompletionAt
  delay {
    reason
    remedy
  }
  advisor {
    name
    phone
  }
  updatedAt
  timeZone
  progressPercent
  progressNote
  progressAt
  pendingEstimate {
    id
    version
    supplemental
    reason
    taxBasisPoints
    lines {
      id
      kind
      description
      quantity
      amountFen
      payer
      alternativeGroup
      tradeOff
      deferrable
      risk
    }
    totals {
      totalFen
      customerFen
    }
  }
  survey {
    answered
    attitude
    quality
    priceTransparency
  }
}
    `, {"fragmentName":"TrackProgress"}) as unknown as TypedDocumentString<TrackProgressFragment, unknown>;
export const TrackWorkOrderDocument = new TypedDocumentString(`
    query TrackWorkOrder($token: String!) {
  trackWorkOrder(token: $token) {
    ...TrackProgress
  }
}
    fragment TrackProgress on WorkOrderProgress {
  number
  status
  steps {
    key
    label
    state
    at
    detail
  }
  vehicle {
    model
    color
    plateMasked
  }
  promisedAt
  estimatedCompletionAt
  delay {
    reason
    remedy
  }
  advisor {
    name
    phone
  }
  updatedAt
  timeZone
  progressPercent
  progressNote
  progressAt
  pendingEstimate {
    id
    version
    supplemental
    reason
    taxBasisPoints
    lines {
      id
      kind
      description
      quantity
      amountFen
      payer
      alternativeGroup
      tradeOff
      deferrable
      risk
    }
    totals {
      totalFen
      customerFen
    }
  }
  survey {
    answered
    attitude
    quality
    priceTransparency
  }
}`) as unknown as TypedDocumentString<TrackWorkOrderQuery, TrackWorkOrderQueryVariables>;
export const WorkOrderProgressDocument = new TypedDocumentString(`
    subscription WorkOrderProgress($token: String!) {
  workOrderProgress(token: $token) {
    ...TrackProgress
  }
}
    fragment TrackProgress on WorkOrderProgress {
  number
  status
  steps {
    key
    label
    state
    at
    detail
  }
  vehicle {
    model
    color
    plateMasked
  }
  promisedAt
  estimatedCompletionAt
  delay {
    reason
    remedy
  }
  advisor {
    name
    phone
  }
  updatedAt
  timeZone
  progressPercent
  progressNote
  progressAt
  pendingEstimate {
    id
    version
    supplemental
    reason
    taxBasisPoints
    lines {
      id
      kind
      description
      quantity
      amountFen
      payer
      alternativeGroup
      tradeOff
      deferrable
      risk
    }
    totals {
      totalFen
      customerFen
    }
  }
  survey {
    answered
    attitude
    quality
    priceTransparency
  }
}`) as unknown as TypedDocumentString<WorkOrderProgressSubscription, WorkOrderProgressSubscriptionVariables>;
export const ApproveEstimateByLinkDocument = new TypedDocumentString(`
    mutation ApproveEstimateByLink($input: ApproveEstimateByLinkInput!) {
  approveEstimateByLink(input: $input) {
    progress {
      ...TrackProgress
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment TrackProgress on WorkOrderProgress {
  number
  status
  steps {
    key
    label
    state
    at
    detail
  }
  vehicle {
    model
    color
    plateMasked
  }
  promisedAt
  estimatedCompletionAt
  delay {
    reason
    remedy
  }
  advisor {
    name
    phone
  }
  updatedAt
  timeZone
  progressPercent
  progressNote
  progressAt
  pendingEstimate {
    id
    version
    supplemental
    reason
    taxBasisPoints
    lines {
      id
      kind
      description
      quantity
      amountFen
      payer
      alternativeGroup
      tradeOff
      deferrable
      risk
    }
    totals {
      totalFen
      customerFen
    }
  }
  survey {
    answered
    attitude
    quality
    priceTransparency
  }
}`) as unknown as TypedDocumentString<ApproveEstimateByLinkMutation, ApproveEstimateByLinkMutationVariables>;
export const AnswerSurveyByLinkDocument = new TypedDocumentString(`
    mutation AnswerSurveyByLink($input: AnswerSurveyByLinkInput!) {
  answerSurveyByLink(input: $input) {
    progress {
      ...TrackProgress
    }
    userErrors {
      code
      field
      message
    }
  }
}
    fragment TrackProgress on WorkOrderProgress {
  number
  status
  steps {
    key
    label
    state
    at
    detail
  }
  vehicle {
    model
    color
    plateMasked
  }
  promisedAt
  estimatedCompletionAt
  delay {
    reason
    remedy
  }
  advisor {
    name
    phone
  }
  updatedAt
  timeZone
  progressPercent
  progressNote
  progressAt
  pendingEstimate {
    id
    version
    supplemental
    reason
    taxBasisPoints
    lines {
      id
      kind
      description
      quantity
      amountFen
      payer
      alternativeGroup
      tradeOff
      deferrable
      risk
    }
    totals {
      totalFen
      customerFen
    }
  }
  survey {
    answered
    attitude
    quality
    priceTransparency
  }
}`) as unknown as TypedDocumentString<AnswerSurveyByLinkMutation, AnswerSurveyByLinkMutationVariables>;