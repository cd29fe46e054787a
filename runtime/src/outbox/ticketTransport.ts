import type { Engine, EngineActor, StepResult } from '../engine/index.ts';
import { getInstance, linkInstances } from '../store/index.ts';
import type { Transport } from './transports.ts';

const OUTBOX_ACTOR: EngineActor = { id: 'system:outbox', role: 'system', via: 'system', businessUnits: '*' };

/**
 * Delivers `hireflow.openTicket` effects by starting an instance of the ticket workflow in the source
 * instance's business unit and linking the two (`listLinkedInstances` from either side), in one
 * transaction. Idempotent: the effect key is the start's idempotency key and the link's key, so a
 * redelivery after a crash opens no second ticket. `delivered` only once the ticket instance exists.
 * When the ticket workflow does not declare `severity`, `summary` or `source.instanceId`, the ticket
 * opens with an empty context (the link still names its source).
 */
export function createTicketTransport(engine: Engine): Transport {
  const { db } = engine;
  return async (effect) => {
    const params = effect.payload as { workflowId?: string; severity?: string; summary?: string };
    const source = effect.instanceId ? getInstance(db, effect.instanceId) : undefined;
    if (!params.workflowId || !source)
      return { ok: false, error: 'ticket effect without workflow or source instance', permanent: true };
    const workflowId = params.workflowId;
    const start = (context: Record<string, unknown>, idempotencyKey: string): StepResult =>
      engine.start({
        workflowId,
        businessUnit: source.businessUnit,
        subject: { kind: 'ticket', externalRef: effect.effectKey },
        context,
        actor: OUTBOX_ACTOR,
        idempotencyKey,
      });
    const outcome = db.transaction(() => {
      let started = start(
        { severity: params.severity, summary: params.summary, source: { instanceId: source.id } },
        effect.effectKey,
      );
      if (!started.ok && started.code === 'INVALID_EVENT') started = start({}, `${effect.effectKey}:minimal`);
      if (!started.ok) return started;
      linkInstances(db, {
        sourceId: source.id,
        targetId: started.instanceId,
        kind: 'ticket',
        effectKey: effect.effectKey,
        now: engine.clock.now().getTime(),
      });
      return started;
    });
    if (!outcome.ok)
      return {
        ok: false,
        error: `ticket workflow "${workflowId}": ${outcome.code}: ${outcome.message}`,
        permanent: outcome.code === 'NOT_FOUND',
      };
    if (!getInstance(db, outcome.instanceId))
      return { ok: false, error: `ticket instance ${outcome.instanceId} was not found after its start` };
    return { ok: true, detail: `ticket instance ${outcome.instanceId}` };
  };
}
