import type { ContextSchema } from '@hireflow/runtime/model';
import { findInstancesByExternalRef } from '../db/instanceLookup.ts';
import type { ServerStore } from '../db/openServerStore.ts';
import { type EventMappingRow, findMappings } from '../db/webhookStore.ts';
import { type Engine, type EngineActor, getLatestVersion, getWorkflow, type StepResult } from '../runtime.ts';
import { subjectKindOf } from '../workflows/subjectKind.ts';
import type { MappingResult } from './deliveryOutcome.ts';
import { toStartData } from './startContext.ts';
import type { NormalizedDelivery, VendorAdapter } from './vendorAdapter.ts';

/** What the mappings did, and the business units of the workflows they belong to. */
export interface Applied {
  results: MappingResult[];
  businessUnits: string[];
}

const refusal = (step: StepResult & { ok: false }) => `${step.code}: ${step.message}`;

/**
 * Runs every mapping that matches a verified delivery, inside the caller's transaction. Per mapping:
 * the subject's active instances get the mapped event; with none, a start mapping starts one (context
 * mapped from the payload), otherwise the result is `no_instance`. Engine calls carry an idempotency
 * key derived from the delivery's dedupe key, so re-processing never starts or applies anything twice.
 */
export function applyMappings(
  store: ServerStore,
  engine: Engine,
  vendor: VendorAdapter['vendor'],
  delivery: NormalizedDelivery,
  body: unknown,
): Applied {
  const results: MappingResult[] = [];
  const units = new Set<string>();
  const idempotencyKey = `webhook:${vendor}:${delivery.dedupeKey}`;
  for (const mapping of findMappings(store, vendor, delivery.vendorEvent, delivery.stage)) {
    const workflow = getWorkflow(store.db, mapping.workflowId);
    if (!workflow) continue;
    const unit = workflow.businessUnit ?? '';
    if (workflow.businessUnit) units.add(workflow.businessUnit);
    const actor: EngineActor = {
      id: `webhook:${vendor}`,
      role: mapping.actAsRole,
      via: 'webhook',
      businessUnits: [unit],
    };
    const base = { workflowId: mapping.workflowId };
    const targets = delivery.externalRef
      ? findInstancesByExternalRef(store.db, mapping.workflowId, delivery.externalRef)
      : [];
    if (targets.length > 0 && mapping.workflowEvent !== null) {
      for (const target of targets) {
        const step = engine.send(
          target.id,
          { type: mapping.workflowEvent, payload: { source: vendor, ...delivery.payload } },
          { actor: { ...actor, businessUnits: [target.businessUnit] }, idempotencyKey },
        );
        results.push(
          step.ok
            ? { ...base, instanceId: target.id, outcome: 'applied' }
            : { ...base, instanceId: target.id, outcome: 'refused', reason: refusal(step) },
        );
      }
    } else if (targets.length > 0) {
      results.push({ ...base, instanceId: targets[0]?.id ?? null, outcome: 'already_started' });
    } else if (mapping.startIfMissing) {
      results.push({ ...base, ...start(store, engine, mapping, delivery, body, actor, idempotencyKey) });
    } else {
      results.push({ ...base, instanceId: null, outcome: 'no_instance' });
    }
  }
  return { results, businessUnits: [...units].sort() };
}

function start(
  store: ServerStore,
  engine: Engine,
  mapping: EventMappingRow,
  delivery: NormalizedDelivery,
  body: unknown,
  actor: EngineActor,
  idempotencyKey: string,
): Omit<MappingResult, 'workflowId'> {
  const workflow = getWorkflow(store.db, mapping.workflowId);
  const latest = getLatestVersion(store.db, mapping.workflowId);
  if (!workflow || !latest)
    return {
      instanceId: null,
      outcome: 'refused',
      reason: 'NOT_FOUND: the workflow has no published version.',
    };
  if (!delivery.externalRef)
    return {
      instanceId: null,
      outcome: 'refused',
      reason: 'INVALID_EVENT: the payload names no application.',
    };
  const schema: ContextSchema = latest.spec.context ?? {};
  const data = toStartData(mapping.context, body, schema);
  if ('error' in data)
    return { instanceId: null, outcome: 'refused', reason: `INVALID_EVENT: ${data.error}` };
  const step = engine.start({
    workflowId: workflow.id,
    businessUnit: workflow.businessUnit ?? '',
    subject: { kind: subjectKindOf(workflow), externalRef: delivery.externalRef, pii: data.pii },
    context: data.context,
    actor,
    idempotencyKey,
  });
  return step.ok
    ? { instanceId: step.instanceId, outcome: 'started' }
    : { instanceId: null, outcome: 'refused', reason: refusal(step) };
}
