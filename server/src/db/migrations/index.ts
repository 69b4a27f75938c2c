import { Migration20261122181303 } from './Migration20261122181303.js';
import { Migration20261122181400_events_append_only } from './Migration20261122181400_events_append_only.js';
import { Migration20261122185852_store_settings_version } from './Migration20261122185852_store_settings_version.js';
import { Migration20261124042607_hardening_sign_in_throttle } from './Migration20261124042607_hardening_sign_in_throttle.js';
import { Migration20261124043510_hardening_plate_unique } from './Migration20261124043510_hardening_plate_unique.js';
import { Migration20261124050000_domain_event_log } from './Migration20261124050000_domain_event_log.js';
import { Migration20261124060000_store_setup } from './Migration20261124060000_store_setup.js';
import { Migration20261124071000_appointments } from './Migration20261124071000_appointments.js';
import { Migration20261124080000_uploads } from './Migration20261124080000_uploads.js';
import { Migration20261124090000_reception } from './Migration20261124090000_reception.js';
import { Migration20261124091000_estimates } from './Migration20261124091000_estimates.js';
import { Migration20261124092000_estimate_signatures } from './Migration20261124092000_estimate_signatures.js';
import { Migration20261124093000_vehicle_archive } from './Migration20261124093000_vehicle_archive.js';
import { Migration20261124094000_diagnoses } from './Migration20261124094000_diagnoses.js';
import { Migration20261124095000_supplemental_jobs } from './Migration20261124095000_supplemental_jobs.js';
import { Migration20261124130000_customer_archive } from './Migration20261124130000_customer_archive.js';
import { Migration20261124100000_parts } from './Migration20261124100000_parts.js';

/** Every checked-in migration, in order (explicit, so discovery works the same under tsx and Vitest). */
export const migrationsList = [
  { name: 'Migration20261122181303', class: Migration20261122181303 },
  { name: 'Migration20261122181400_events_append_only', class: Migration20261122181400_events_append_only },
  { name: 'Migration20261122185852_store_settings_version', class: Migration20261122185852_store_settings_version },
  { name: 'Migration20261124042607_hardening_sign_in_throttle', class: Migration20261124042607_hardening_sign_in_throttle },
  { name: 'Migration20261124043510_hardening_plate_unique', class: Migration20261124043510_hardening_plate_unique },
  { name: 'Migration20261124050000_domain_event_log', class: Migration20261124050000_domain_event_log },
  { name: 'Migration20261124060000_store_setup', class: Migration20261124060000_store_setup },
  { name: 'Migration20261124071000_appointments', class: Migration20261124071000_appointments },
  { name: 'Migration20261124080000_uploads', class: Migration20261124080000_uploads },
  { name: 'Migration20261124090000_reception', class: Migration20261124090000_reception },
  { name: 'Migration20261124091000_estimates', class: Migration20261124091000_estimates },
  { name: 'Migration20261124092000_estimate_signatures', class: Migration20261124092000_estimate_signatures },
  { name: 'Migration20261124093000_vehicle_archive', class: Migration20261124093000_vehicle_archive },
  { name: 'Migration20261124094000_diagnoses', class: Migration20261124094000_diagnoses },
  { name: 'Migration20261124095000_supplemental_jobs', class: Migration20261124095000_supplemental_jobs },
  { name: 'Migration20261124130000_customer_archive', class: Migration20261124130000_customer_archive },
  { name: 'Migration20261124100000_parts', class: Migration20261124100000_parts },
];
