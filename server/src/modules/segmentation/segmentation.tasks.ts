import type { TaskHandler } from '../../events/job-queue.js';
import type { Services } from '../../services.types.js';
import { NIGHTLY_TASK, RECOMPUTE_TASK } from './segmentation.service.js';

/** R-SEG-3: recency changes with time alone, so every store is recomputed each night, and at once after its thresholds change. */
export function segmentationTasks(services: Services): Record<string, TaskHandler> {
  return {
    [NIGHTLY_TASK]: async (payload) => services.segmentation.nightly(Number(payload.storeId)),
    [RECOMPUTE_TASK]: async (payload) => void (await services.segmentation.recomputeStore(Number(payload.storeId))),
  };
}
