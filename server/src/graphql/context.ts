import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../i18n/locale.js';
import type { Viewer } from '../modules/auth/viewer.js';
import type { Services } from '../services.types.js';

export type { StaffViewer, Viewer } from '../modules/auth/viewer.js';

export interface Context {
  /** Forked per request, and per event for subscriptions. */
  em: EntityManager;
  viewer: Viewer | null;
  locale: Locale;
  services: Services;
  /** The caller's address (req.ip: honours WORKBAY_TRUST_PROXY), for per-address throttles. */
  clientAddress?: string;
}
