import { getDelivery, recordProcessing } from '../db/deliveryLog.ts';
import type { ServerStore } from '../db/openServerStore.ts';
import { deleteBody, loadBody } from '../db/webhookBodies.ts';
import { ProblemError } from '../http/ProblemError.ts';
import type { Engine } from '../runtime.ts';
import { applyMappings } from './applyMappings.ts';
import { REPROCESSABLE, summarizeResults } from './deliveryOutcome.ts';
import type { Received } from './receiveDelivery.ts';
import { adapterOf } from './webhookAdapters.ts';

/**
 * Runs a logged delivery through today's mappings again (after an admin added a mapping, started the
 * instance by hand, fixed a guard…), from its kept body, in one transaction, as a new attempt by
 * `actorId`. Idempotent: the engine keys starts and events by the delivery, so what applied before
 * is not applied twice. Once it applies, the body is deleted (nothing left to re-process).
 * @throws ProblemError 404 for an unknown id, 409 when there is nothing to re-process.
 */
export function reprocessDelivery(
  store: ServerStore,
  engine: Engine,
  id: string,
  actorId: string,
  now: number,
): Received {
  const row = getDelivery(store, id);
  if (!row) throw new ProblemError('NOT_FOUND');
  if (row.duplicateOf)
    throw new ProblemError(
      'CONFLICT',
      `This is a duplicate; re-process the first delivery, ${row.duplicateOf}.`,
    );
  const adapter = adapterOf(row.vendor);
  const stored = loadBody(store, id, now);
  if (!adapter || !stored)
    throw new ProblemError(
      'CONFLICT',
      `Nothing to re-process: the delivery is ${row.outcome} and its body is not kept (bodies are kept only for deliveries that did not apply, until they apply, expire or are erased).`,
    );
  const request = { raw: stored.raw, header: (name: string) => stored.headers[name], now };
  const body: unknown = JSON.parse(stored.raw.toString('utf8'));
  const delivery = adapter.parse(request, body);
  if (!delivery) throw new ProblemError('CONFLICT', 'The kept body no longer parses.');
  return store.db.transaction((): Received => {
    const applied = applyMappings(store, engine, adapter.vendor, delivery, body);
    const summary = summarizeResults(applied.results);
    recordProcessing(store, id, { ...summary, ...applied }, now, actorId, false);
    if (!REPROCESSABLE.has(summary.outcome)) deleteBody(store, id);
    return { id, ...summary, duplicate: false, results: applied.results };
  });
}
