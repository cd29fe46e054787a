import type { ServerStore } from '../db/openServerStore.ts';
import { eraseBodiesOf } from '../db/webhookBodies.ts';
import { type Engine, type EngineActor, eraseSubjectData, getSubject } from '../runtime.ts';

type ErasureRequest = NonNullable<Parameters<typeof eraseSubjectData>[4]>;

/**
 * Erases a subject everywhere the server keeps it: the runtime's data key and personal record
 * (crypto-shredding, audited per instance) and the raw ATS bodies kept for re-processing that
 * name the subject's ATS reference. The erasure route and the retention worker both call it.
 */
export function eraseSubject(
  engine: Engine,
  store: ServerStore,
  subjectId: string,
  actor: EngineActor,
  request: ErasureRequest,
): ReturnType<typeof eraseSubjectData> & { atsBodies: number } {
  // Read before erasing: the reference is part of the personal record the erasure clears.
  const pii = getSubject(engine.db, subjectId)?.pii as { externalRef?: unknown } | null | undefined;
  const externalRef = typeof pii?.externalRef === 'string' ? pii.externalRef : undefined;
  const result = eraseSubjectData(engine.db, engine.clock, subjectId, actor, request);
  const atsBodies = externalRef === undefined ? 0 : eraseBodiesOf(store, externalRef);
  return { ...result, atsBodies };
}
