/** The customer progress as the public API returns it (`trackWorkOrder` / `workOrderProgress`). */
export type StepKey = 'RECEIVED' | 'ESTIMATE' | 'REPAIR' | 'QUALITY_CHECK' | 'WASH' | 'READY';
export type StepState = 'DONE' | 'CURRENT' | 'PENDING' | 'SKIPPED';
export type WorkOrderStatus =
  | 'DRAFT'
  | 'AWAITING_APPROVAL'
  | 'QUEUED'
  | 'IN_PROGRESS'
  | 'ON_HOLD'
  | 'QUALITY_CHECK'
  | 'WASHING'
  | 'READY'
  | 'DELIVERED'
  | 'CANCELLED';

export interface ProgressStep {
  key: StepKey;
  /** Localised by the server (Accept-Language / connectionParams.locale). */
  label: string;
  state: StepState;
  /** ISO time the car reached this step; null while pending or when skipped. */
  at: string | null;
}

export interface Progress {
  number: string;
  status: WorkOrderStatus;
  steps: ProgressStep[];
  vehicle: { model: string; color: string | null; plateMasked: string };
  promisedAt: string | null;
  estimatedCompletionAt: string | null;
  delay: { reason: string; remedy: string | null } | null;
  advisor: { name: string; phone: string | null };
  updatedAt: string;
  timeZone?: string;
}

export type Locale = 'zh' | 'en';

/** What the page tells the customer about the live link (the shared client's `unauthorized` never reaches the UI). */
export type Connection = 'connecting' | 'online' | 'offline';
