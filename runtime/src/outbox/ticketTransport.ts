import type { Engine } from '../engine/index.ts';
import { getInstance } from '../store/index.ts';
import type { Transport } from './transports.ts';

/**
 * Delivers `hireflow.openTicket` effects by starting an instance of the ticket workflow in the same
 * business unit, idempotently (the effect key is the start's idempotency key, so a redelivery after a
 * crash opens no second ticket). Fields the ticket workflow does not declare are left out.
 */
export function createTicketTransport(engine: Engine): Transport {
  return async (effect) => {
    const params = effect.payload as { workflowId?: string; severity?: string; summary?: string };
    const source = effect.instanceId ? getInstance(engine.db, effect.instanceId) : undefined;
    if (!params.workflowId || !source)
      return { ok: false, error: 'ticket effect without workflow or source instance', permanent: true };
    const wanted: Record<string, unknown> = {
      severity: params.severity,
      summary: params.summary,
      source: { instanceId: source.id },
    };
    const started = engine.start({
      workflowId: params.workflowId,
      businessUnit: source.businessUnit,
      subject: { kind: 'ticket', externalRef: effect.effectKey },
      context: wanted,
      actor: { id: 'system:outbox', role: 'system', via: 'system', businessUnits: '*' },
      idempotencyKey: effect.effectKey,
    });
    if (started.ok) return { ok: true };
    // The ticket workflow may not declare these fields: open the ticket with an empty context instead.
    if (started.code === 'INVALID_EVENT') {
      const minimal = engine.start({
        workflowId: params.workflowId,
        businessUnit: source.businessUnit,
        subject: { kind: 'ticket', externalRef: effect.effectKey },
        context: {},
        actor: { id: 'system:outbox', role: 'system', via: 'system', businessUnits: '*' },
        idempotencyKey: `${effect.effectKey}:minimal`,
      });
      if (minimal.ok) return { ok: true };
    }
    return {
      ok: false,
      error: `${started.code}: ${started.message}`,
      permanent: started.code === 'NOT_FOUND',
    };
  };
}
