import type { ClassType } from 'type-graphql';
import { MODULES } from '../modules/index.js';

/** Every module's entities (modules/index.ts is the one list). */
export const entities: ClassType[] = MODULES.flatMap((m) => [...(m.entities ?? [])]);
