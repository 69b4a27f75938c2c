import type { DeepReadonly } from 'vue';
import type { ProgressStepKey, ProgressStepState, TrackProgressFragment, WorkOrderStatus as Status } from './graphql.generated';

/** The customer progress as the public API returns it (`trackWorkOrder` / `workOrderProgress`): generated from track.graphql. */
export type Progress = TrackProgressFragment;
/** One step; `label` is localised by the server (Accept-Language / connectionParams.locale); `at` is null while pending or skipped. */
export type ProgressStep = Progress['steps'][number];
export type StepKey = ProgressStepKey;
export type StepState = ProgressStepState;
export type WorkOrderStatus = Status;

export type Locale = 'zh' | 'en';

/** What the page tells the customer about the live link (the shared client's `unauthorized` never reaches the UI). */
export type Connection = 'connecting' | 'online' | 'offline';
/** The estimate waiting for the customer's approval (R-EST-4), without internal fields. */
export type PendingEstimate = DeepReadonly<NonNullable<Progress['pendingEstimate']>>;
