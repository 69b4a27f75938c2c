import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../../services.types.js';
import { systemActor } from '../../shared/actor.js';
import type { Result } from '../../shared/result.js';
import { PartSource } from '../estimate/estimate.enums.js';
import { PurchaseRequestStatus } from './parts.enums.js';

const MAGOTAN = '迈腾 Magotan 330TSI';
const SAGITAR = '速腾 Sagitar 300TSI';
const LAVIDA = '朗逸 Lavida 1.5L';
const PASSAT = '帕萨特 Passat 330TSI';
const TIGUAN = '途观L Tiguan L 380TSI';
const BORA = '宝来 Bora 1.5L';

/** The demo catalog: [number, name, source, price fen, models, on hand, reorder point, reorder quantity]. */
export const DEMO_PARTS: [string, string, PartSource, number, string[], number, number, number][] = [
  ['06K109467K', '正时链条张紧器', PartSource.OEM, 68000, [MAGOTAN, SAGITAR], 1, 2, 4],
  ['5Q0698151B', '前刹车片（原厂）', PartSource.OEM, 42000, [MAGOTAN, SAGITAR, TIGUAN, PASSAT], 6, 2, 6],
  ['5Q0698151B-AM', '前刹车片（品牌件）', PartSource.AFTERMARKET, 26000, [MAGOTAN, SAGITAR, TIGUAN, PASSAT], 4, 2, 4],
  ['04E115561H', '机油滤清器', PartSource.OEM, 6800, [LAVIDA, BORA, SAGITAR, MAGOTAN, PASSAT, TIGUAN], 24, 10, 30],
  ['G052195M4', '机油 5W-30（1 L）', PartSource.OEM, 9500, [], 120, 40, 120],
  ['1K0819644B', '空调滤芯', PartSource.OEM, 12800, [LAVIDA, BORA, SAGITAR], 3, 4, 10],
  ['5QD129620', '空气滤芯', PartSource.OEM, 15800, [MAGOTAN, PASSAT, TIGUAN], 8, 3, 8],
  ['3G0955425', '雨刮片（一对）', PartSource.OEM, 22000, [MAGOTAN, PASSAT], 0, 1, 4],
  ['06H905601A', '火花塞', PartSource.OEM, 8800, [MAGOTAN, SAGITAR, PASSAT, TIGUAN], 16, 8, 16],
  ['000989510', '玻璃水（2 L）', PartSource.AFTERMARKET, 2500, [], 30, 10, 24],
];

/** The engine oil (universal, sold by the litre) the demo estimates price from the catalog. */
export const DEMO_OIL_PART = 'G052195M4';

function expectOk<T>(what: string, result: Result<T>): T {
  if (!result.ok) throw new Error(`demo parts: ${what}: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/**
 * Issue 8: the demo store's parts catalog for its models, through the parts service as the system actor.
 * Stock is received (RECEIVE movements); parts at or below their reorder point have raised their purchase
 * request by themselves, and the first of them is already ORDERED.
 */
export async function seedParts(em: EntityManager, services: Services, storeId: number): Promise<void> {
  const actor = systemActor(storeId, 'demo-seed');
  for (const [partNumber, name, source, unitPriceFen, fitsModels, onHand, reorderPoint, reorderQuantity] of DEMO_PARTS) {
    const part = expectOk(partNumber, await services.parts.createPart(em.fork(), actor, { partNumber, name, source, unitPriceFen, fitsModels, reorderPoint, reorderQuantity }));
    if (onHand > 0) {
      // Receiving against the request the empty stock raised, when the delivery makes it enough.
      const open = await services.parts.purchaseRequests(em.fork(), storeId, { limit: 1, afterId: null, beforeId: null, backward: false }, { partId: part.globalId, status: [PurchaseRequestStatus.OPEN] });
      const request = open.edges[0]?.node;
      const enough = Boolean(request) && onHand > reorderPoint;
      const received = expectOk(`${partNumber} stock`, await services.parts.receiveStock(em.fork(), actor, { partId: part.globalId, quantity: onHand, note: '期初库存', purchaseRequestId: enough ? request.globalId : null }));
      // Opening stock above the reorder point: the request the empty catalog entry raised is no longer needed.
      const left = received.purchaseRequest;
      if (left && left.status !== PurchaseRequestStatus.RECEIVED) {
        expectOk(`${partNumber} cancel`, await services.parts.transitionPurchaseRequest(em.fork(), actor, { id: left.globalId, to: PurchaseRequestStatus.CANCELLED, expectedVersion: left.version, reason: '期初建账，库存已足' }));
      }
    }
  }
  const [first] = (await services.parts.purchaseRequests(em.fork(), storeId, { limit: 1, afterId: null, beforeId: null, backward: false }, { status: [PurchaseRequestStatus.OPEN] })).edges;
  if (first) expectOk('order', await services.parts.transitionPurchaseRequest(em.fork(), actor, { id: first.node.globalId, to: PurchaseRequestStatus.ORDERED, expectedVersion: first.node.version }));
}
