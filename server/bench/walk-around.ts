import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../src/services.js';
import { UploadPurpose } from '../src/modules/upload/upload.enums.js';
import { systemActor } from '../src/shared/actor.js';

/** A 1×1 PNG as the customer's signature. */
const SIGNATURE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** R-REC-3: a DRAFT order leaves DRAFT only with a walk-around; the benchmarks record the customer's signed refusal. */
export async function declineWalkAround(services: Services, em: EntityManager, storeId: number, workOrderId: string): Promise<void> {
  const actor = systemActor(storeId, 'bench');
  const created = await services.uploads.create(em, actor, { purpose: UploadPurpose.SIGNATURE, contentType: 'image/png', byteSize: SIGNATURE.length });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const received = await services.uploads.receive(em, created.value.id, SIGNATURE);
  if (!received.ok) throw new Error(JSON.stringify(received.errors));
  const recorded = await services.reception.recordWalkAround(em, actor, { workOrderId, declined: true, declineReason: '基准测试', customerSignatureId: created.value.globalId });
  if (!recorded.ok) throw new Error(JSON.stringify(recorded.errors));
}
