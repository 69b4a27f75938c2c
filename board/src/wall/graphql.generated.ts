/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What a board event asks the wall to do. */
export type BoardEventKind =
  /** Take the order off the wall (delivered or cancelled). */
  | 'REMOVE'
  /** Too far behind or unknown cursor: reload the board snapshot. */
  | 'RESET'
  /** Put this card on the wall (or replace an older version of it). */
  | 'UPSERT';

/** A mark on a wall card. */
export type BoardFlag =
  /** Came in by appointment. */
  | 'APPOINTMENT'
  /** The customer waits in the store. */
  | 'CUSTOMER_WAITING'
  /** The promised time has passed and the car is not ready. */
  | 'OVERDUE'
  /** Failed a quality check at least once (R-QC-2). */
  | 'REWORK'
  /** No recorded change for the store’s staleAfterMinutes while in the workshop (R-WO-6). */
  | 'STALE'
  /** An A-class customer. */
  | 'VIP'
  /** Waiting for the customer’s approval: of the estimate, or of supplemental work (R-EST-6). */
  | 'WAITING_APPROVAL'
  /** On hold for parts, or a job waits for a purchase request raised for it (R-WO-5). */
  | 'WAITING_PARTS'
  /** At least one job is paid by warranty. */
  | 'WARRANTY';

/** Why a work order is paused. */
export type HoldReason =
  /** The customer asked to pause. */
  | 'CUSTOMER_REQUEST'
  /** Another reason, given in `reason`. */
  | 'OTHER'
  /** Extra work found; waiting for the customer to approve it. */
  | 'WAITING_APPROVAL'
  /** Parts are on order. */
  | 'WAITING_PARTS';

/** A level of the three-level quality check (三检, R-QC-1), signed in this order. */
export type QualityLevel =
  /** Final check (终检) by a QC inspector, with a road test where relevant. */
  | 'FINAL'
  /** Mutual check (互检) by a team leader. */
  | 'MUTUAL'
  /** Self-check (自检) by a technician assigned to the order. */
  | 'SELF';

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

export type WallCardFragment = { flags: Array<BoardFlag>, standardHours: number, clockedHours: number, qualityLevel: QualityLevel | null, statusSince: string, updatedAt: string, staleAt: string | null, overdueAt: string | null, workOrder: { id: string, number: string, status: WorkOrderStatus, holdReason: HoldReason | null, promisedAt: string | null, version: number, vehicle: { plate: string, model: string, color: string | null }, bay: { id: string, name: string } | null, technicians: Array<{ id: string, name: string }>, advisor: { name: string } } };

export type WallBoardQueryVariables = Exact<{ [key: string]: never; }>;


export type WallBoardQuery = { board: { cursor: string, generatedAt: string, staleAfterMinutes: number, store: { id: string, name: string, timezone: string }, bays: Array<{ id: string, name: string }>, deliveries: { dueToday: number, doneToday: number }, cards: Array<{ flags: Array<BoardFlag>, standardHours: number, clockedHours: number, qualityLevel: QualityLevel | null, statusSince: string, updatedAt: string, staleAt: string | null, overdueAt: string | null, workOrder: { id: string, number: string, status: WorkOrderStatus, holdReason: HoldReason | null, promisedAt: string | null, version: number, vehicle: { plate: string, model: string, color: string | null }, bay: { id: string, name: string } | null, technicians: Array<{ id: string, name: string }>, advisor: { name: string } } }> } };

export type WallEventsSubscriptionVariables = Exact<{
  after: string | null | undefined;
}>;


export type WallEventsSubscription = { boardEvents: { cursor: string, kind: BoardEventKind, workOrderId: string | null, status: WorkOrderStatus | null, deliveries: { dueToday: number, doneToday: number } | null, card: { flags: Array<BoardFlag>, standardHours: number, clockedHours: number, qualityLevel: QualityLevel | null, statusSince: string, updatedAt: string, staleAt: string | null, overdueAt: string | null, workOrder: { id: string, number: string, status: WorkOrderStatus, holdReason: HoldReason | null, promisedAt: string | null, version: number, vehicle: { plate: string, model: string, color: string | null }, bay: { id: string, name: string } | null, technicians: Array<{ id: string, name: string }>, advisor: { name: string } } } | null } };

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
export const WallCardFragmentDoc = new TypedDocumentString(`
    fragment WallCard on BoardCard {
  workOrder {
    id
    number
    status
    holdReason
    promisedAt
    version
    vehicle {
      plate
      model
      color
    }
    bay {
      id
      name
    }
    technicians {
      id
      name
    }
    advisor {
      name
    }
  }
  flags
  standardHours
  clockedHours
  qualityLevel
  statusSince
  updatedAt
  staleAt
  overdueAt
}
    `, {"fragmentName":"WallCard"}) as unknown as TypedDocumentString<WallCardFragment, unknown>;
export const WallBoardDocument = new TypedDocumentString(`
    query WallBoard {
  board {
    cursor
    generatedAt
    staleAfterMinutes
    store {
      id
      name
      timezone
    }
    bays {
      id
      name
    }
    deliveries {
      dueToday
      doneToday
    }
    cards {
      ...WallCard
    }
  }
}
    fragment WallCard on BoardCard {
  workOrder {
    id
    number
    status
    holdReason
    promisedAt
    version
    vehicle {
      plate
      model
      color
    }
    bay {
      id
      name
    }
    technicians {
      id
      name
    }
    advisor {
      name
    }
  }
  flags
  standardHours
  clockedHours
  qualityLevel
  statusSince
  updatedAt
  staleAt
  overdueAt
}`) as unknown as TypedDocumentString<WallBoardQuery, WallBoardQueryVariables>;
export const WallEventsDocument = new TypedDocumentString(`
    subscription WallEvents($after: String) {
  boardEvents(after: $after) {
    cursor
    kind
    workOrderId
    status
    deliveries {
      dueToday
      doneToday
    }
    card {
      ...WallCard
    }
  }
}
    fragment WallCard on BoardCard {
  workOrder {
    id
    number
    status
    holdReason
    promisedAt
    version
    vehicle {
      plate
      model
      color
    }
    bay {
      id
      name
    }
    technicians {
      id
      name
    }
    advisor {
      name
    }
  }
  flags
  standardHours
  clockedHours
  qualityLevel
  statusSince
  updatedAt
  staleAt
  overdueAt
}`) as unknown as TypedDocumentString<WallEventsSubscription, WallEventsSubscriptionVariables>;