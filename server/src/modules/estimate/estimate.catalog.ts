import type { EntityManager } from '@mikro-orm/postgresql';
import type { PartSource } from './estimate.enums.js';

/** A catalog part as an estimate line takes it: number, name, source, price, and whether it fits the order's vehicle. */
export interface CatalogPart {
  id: number;
  partNumber: string;
  name: string;
  source: PartSource;
  unitPriceFen: number;
  fits: boolean;
}

/**
 * R-WO-5 / R-EST-2: what an estimate asks of the parts catalog. The parts module implements it; the
 * estimate module finds it through the service registry at run time and never imports that module.
 */
export interface EstimateCatalog {
  /** The store's parts with these ids (unknown ids are left out), each with the fit against `vehicleModel`. */
  catalogParts(em: EntityManager, storeId: number, ids: readonly number[], vehicleModel: string): Promise<CatalogPart[]>;
}
