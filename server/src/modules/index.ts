import type { ModuleManifest } from './module.js';
import { appointmentModule } from './appointment/index.js';
import { auditModule } from './audit/index.js';
import { authModule } from './auth/index.js';
import { boardModule } from './board/index.js';
import { careModule } from './care/index.js';
import { invitationModule } from './invitation/index.js';
import { campaignModule } from './campaign/index.js';
import { complaintModule } from './complaint/index.js';
import { customerModule } from './customer/index.js';
import { followUpModule } from './follow-up/index.js';
import { deliveryModule } from './delivery/index.js';
import { dealerGroupModule } from './dealer-group/index.js';
import { documentsModule } from './documents/index.js';
import { displayModule } from './display/index.js';
import { estimateModule } from './estimate/index.js';
import { jobClockModule } from './job-clock/index.js';
import { outboxModule } from './outbox/index.js';
import { partsModule } from './parts/index.js';
import { platformModule } from './platform/index.js';
import { qualityCheckModule } from './quality-check/index.js';
import { receptionModule } from './reception/index.js';
import { segmentationModule } from './segmentation/index.js';
import { settlementModule } from './settlement/index.js';
import { staffModule } from './staff/index.js';
import { storeModule } from './store/index.js';
import { trackingModule } from './tracking/index.js';
import { uploadModule } from './upload/index.js';
import { vehicleModule } from './vehicle/index.js';
import { workOrderModule } from './work-order/index.js';

/** Every module of the product. The schema, the ORM, node(id:), the services and the app read this list. */
export const MODULES: readonly ModuleManifest[] = [
  platformModule,
  auditModule,
  dealerGroupModule,
  storeModule,
  staffModule,
  authModule,
  displayModule,
  customerModule,
  vehicleModule,
  workOrderModule,
  boardModule,
  trackingModule,
  appointmentModule,
  uploadModule,
  complaintModule,
  followUpModule,
  receptionModule,
  estimateModule,
  jobClockModule,
  qualityCheckModule,
  deliveryModule,
  settlementModule,
  documentsModule,
  partsModule,
  outboxModule,
  careModule,
  invitationModule,
  segmentationModule,
  campaignModule,
];
