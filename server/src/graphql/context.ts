import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../i18n/locale.js';
import type { Role } from '../modules/staff/roles.js';
import type { Staff } from '../modules/staff/staff.entity.js';
import type { Services } from '../services.js';

export type Viewer =
  | { kind: 'staff'; staff: Staff; staffId: number; storeId: number; roles: Role[]; sessionId: number; expiresAt: Date }
  | { kind: 'display'; storeId: number; displayTokenId: number };

export interface Context {
  /** Forked per request, and per event for subscriptions. */
  em: EntityManager;
  viewer: Viewer | null;
  locale: Locale;
  services: Services;
  /** The caller's address (req.ip: honours WORKBAY_TRUST_PROXY), for per-address throttles. */
  clientAddress?: string;
}

export type StaffViewer = Extract<Viewer, { kind: 'staff' }>;
