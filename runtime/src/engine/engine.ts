import { randomUUID } from 'node:crypto';
import { appendAuditEntry } from '../audit/index.ts';
import { type HireflowEvent, type MachineDefinition, sha256Hex } from '../compiler/index.ts';
import type { OutboundAllowList } from '../outbox/outboundPolicy.ts';
import { checkEventSize, DEFAULT_EVENT_LIMITS, type EventLimits } from '../privacy/eventLimits.ts';
import { openSnapshot } from '../privacy/openSnapshot.ts';
import { payloadDigest } from '../privacy/protect.ts';
import { openVault, type SubjectVault, subjectRefOf } from '../privacy/subjectVault.ts';
import {
  getInstance,
  getWorkflow,
  type HireflowDb,
  type InstanceRow,
  type InstanceStateValue,
  insertInstance,
  type JsonObject,
  putSubject,
} from '../store/index.ts';
import { auditActor, canSeeInstance, canSeeUnit, type EngineActor, TIMER_ACTOR } from './actor.ts';
import type { Clock } from './clock.ts';
import { commitStep, recordedEvent, type StepSuccess, storedSnapshot } from './commitStep.ts';
import { loadVersion } from './definitions.ts';
import { recall, remember, requestHash } from './idempotency.ts';
import { type PublishInput, publishWorkflow } from './publish.ts';
import { EngineError, type Refusal, refuse } from './refusal.ts';
import { refuseIllFormedText } from './refuseIllFormedText.ts';
import { routeVersion } from './routing.ts';
import { planEvent, planStart } from './step.ts';
import { validateEvent, validateStartContext } from './validateInput.ts';

export type StepResult = StepSuccess | Refusal;

export interface StartInput {
  workflowId: string;
  businessUnit: string;
  subject: { kind: string; externalRef?: string; pii?: JsonObject };
  context: Record<string, unknown>;
  actor: EngineActor;
  idempotencyKey?: string | undefined;
  /** Start on this version instead of the routed one (sandboxes, tests). */
  versionId?: string | undefined;
}

export interface SendOptions {
  actor: EngineActor;
  idempotencyKey?: string | undefined;
  note?: string | undefined;
}

export interface EngineOptions {
  db: HireflowDb;
  clock: Clock;
  environment?: string;
  /**
   * The outbound allow-list (`parseOutboundAllow(HIREFLOW_OUTBOUND_ALLOW)`): publishing refuses webhook
   * URLs it refuses. Absent: URLs are only checked when delivered.
   */
  outboundAllow?: OutboundAllowList;
  /** Size limits of payloads, start contexts and notes (default {@link DEFAULT_EVENT_LIMITS}). */
  limits?: EventLimits;
}

/** The durable engine: every start and event is one SQLite transaction. */
export interface Engine {
  readonly db: HireflowDb;
  readonly clock: Clock;
  publish(input: PublishInput): ReturnType<typeof publishWorkflow>;
  start(input: StartInput): StepResult;
  send(
    instanceId: string,
    event: { type: string; payload?: Record<string, unknown> },
    options: SendOptions,
  ): StepResult;
}

/** Creates the engine over an open database. */
export function createEngine({
  db,
  clock,
  environment = 'production',
  outboundAllow,
  limits = DEFAULT_EVENT_LIMITS,
}: EngineOptions): Engine {
  const start = (input: StartInput): StepResult => {
    const scope = `start:${input.workflowId}`;
    const hash = input.idempotencyKey
      ? requestHash({ ...input, actor: input.actor.id, idempotencyKey: undefined })
      : '';
    return db.transaction((): StepResult => {
      const memory = recall<StepResult>(db, scope, input.idempotencyKey, hash);
      if (memory.kind === 'mismatch') return memory.refusal;
      if (memory.kind === 'repeat')
        return memory.response.ok ? { ...memory.response, replayed: true } : memory.response;
      const workflow = getWorkflow(db, input.workflowId);
      if (
        !workflow ||
        !canSeeUnit(input.actor, input.businessUnit) ||
        (workflow.businessUnit &&
          workflow.businessUnit !== input.businessUnit &&
          !canSeeUnit(input.actor, workflow.businessUnit))
      ) {
        return refuse('NOT_FOUND', 'No such workflow.');
      }
      // A known ATS reference maps to a stable pseudonym: the same candidate lands on the same pilot side.
      const subjectId = input.subject.externalRef
        ? `sub_${sha256Hex(`${input.subject.kind}:${input.subject.externalRef}`).slice(0, 32)}`
        : `sub_${randomUUID()}`;
      const department = typeof input.context.department === 'string' ? input.context.department : undefined;
      const versionId =
        input.versionId ??
        routeVersion(
          workflow.routing,
          { businessUnit: input.businessUnit, department, subjectId },
          workflow.id,
        );
      const loaded = versionId ? loadVersion(db, versionId) : undefined;
      if (!loaded || loaded.version.workflowId !== workflow.id)
        return refuse('NOT_FOUND', 'This workflow has no published version to start.');
      const { definition, version } = loaded;
      if (!canSeeInstance(input.actor, input.businessUnit, definition.meta.hireflow.confidential))
        return refuse('NOT_FOUND', 'No such workflow.');
      const invalid =
        refuseIllFormedText({ context: input.context }) ??
        checkEventSize(input.context, undefined, limits, 'context') ??
        validateStartContext(definition, input.context);
      if (invalid) return invalid;
      const now = clock.now();
      const plan = planStart(definition, input.context, now);
      putSubject(db, {
        id: subjectId,
        kind: input.subject.kind,
        pii: {
          ...(input.subject.pii ?? {}),
          ...(input.subject.externalRef ? { externalRef: input.subject.externalRef } : {}),
        },
      });
      const id = randomUUID();
      const vault = openVault(db, subjectId, { create: { now: now.getTime() } });
      insertInstance(db, {
        id,
        workflowId: workflow.id,
        versionId: version.id,
        subjectId,
        businessUnit: input.businessUnit,
        environment,
        snapshot: storedSnapshot(definition, plan.snapshot, vault),
        stateValue: plan.snapshot.value as InstanceStateValue,
        status: plan.status,
        owner: plan.owner ?? null,
        now: now.getTime(),
      });
      const row = getInstance(db, id) as InstanceRow;
      // The start entry records the initial context (the instance's first "patch").
      const startEvent: HireflowEvent = {
        type: 'xstate.init',
        payload: { context: input.context },
        actor: { id: input.actor.id, role: input.actor.role },
        at: now.toISOString(),
      };
      const result = commitStart(db, row, definition, plan, startEvent, input.actor, now.getTime());
      remember(db, scope, input.idempotencyKey, hash, result, now.getTime());
      return result;
    });
  };

  const send = (
    instanceId: string,
    raw: { type: string; payload?: Record<string, unknown> },
    options: SendOptions,
  ): StepResult => {
    const hash = requestHash({
      type: raw.type,
      payload: raw.payload ?? {},
      note: options.note ?? null,
      actor: options.actor.id,
    });
    return db.transaction((): StepResult => {
      const row = getInstance(db, instanceId);
      if (!row || !canSeeUnit(options.actor, row.businessUnit))
        return refuse('NOT_FOUND', 'No such instance.');
      const memory = recall<StepResult>(db, instanceId, options.idempotencyKey, hash);
      if (memory.kind === 'mismatch') return memory.refusal;
      if (memory.kind === 'repeat')
        return memory.response.ok ? { ...memory.response, replayed: true } : memory.response;
      const loaded = loadVersion(db, row.versionId);
      if (!loaded) throw new EngineError('NO_VERSION', `instance ${row.id} is pinned to a missing version`);
      const { definition } = loaded;
      if (!canSeeInstance(options.actor, row.businessUnit, definition.meta.hireflow.confidential))
        return refuse('NOT_FOUND', 'No such instance.');
      const now = clock.now();
      const event: HireflowEvent = {
        type: raw.type,
        payload: raw.payload,
        actor: { id: options.actor.id, role: options.actor.role },
        at: now.toISOString(),
      };
      const invalid =
        checkEventSize(raw.payload, options.note, limits) ??
        (raw.type.startsWith('xstate.after.')
          ? options.actor.id === TIMER_ACTOR.id
            ? undefined
            : refuse('INVALID_EVENT', 'type: timer events are fired by the scheduler only.')
          : (refuseIllFormedText({ type: raw.type, payload: raw.payload, note: options.note }) ??
            validateEvent(definition, event)));
      const vault = openVault(db, subjectRefOf(row), { create: { now: now.getTime() } });
      const plan = invalid ?? planEvent(definition, openSnapshot(row, vault), event, options.note);
      let result: StepResult;
      if (!plan.ok) {
        const entry = appendAuditEntry(db, {
          instanceId: row.id,
          workflowId: row.workflowId,
          versionId: row.versionId,
          at: now.toISOString(),
          actor: auditActor(options.actor),
          kind: 'refused',
          event: refusedEvent(definition, event, vault, plan.code, options.note, limits),
          from: row.stateValue,
          to: row.stateValue,
          note:
            options.note === undefined || options.note.length > limits.noteChars
              ? null
              : vault.sealNote(options.note),
        });
        result = { ...plan, auditSeq: entry.seq } as Refusal;
      } else {
        const committed = commitStep(
          db,
          row,
          definition,
          plan,
          event,
          options.actor,
          options.note,
          now.getTime(),
          vault,
        );
        if (!committed)
          throw new EngineError('CONFLICT', 'The instance changed while this event was applied; try again.');
        result = committed;
      }
      remember(db, instanceId, options.idempotencyKey, hash, result, now.getTime());
      return result;
    });
  };

  return {
    db,
    clock,
    publish: (input) => publishWorkflow(db, clock, { outboundAllow, ...input }),
    start,
    send,
  };
}

/**
 * A refused attempt as recorded: sealed like an accepted event, except that an oversized payload or
 * note is recorded as its digest and size only, so a refusal cannot grow the log past the limits.
 */
function refusedEvent(
  definition: MachineDefinition,
  event: HireflowEvent,
  vault: SubjectVault,
  refusal: string,
  note: string | undefined,
  limits: EventLimits,
): never {
  const oversized = refusal === 'PAYLOAD_TOO_LARGE';
  const payloadFits = !oversized || checkEventSize(event.payload, undefined, limits) === undefined;
  return {
    ...(payloadFits
      ? recordedEvent(definition, event, vault)
      : { type: event.type, payload: payloadDigest(event.payload) }),
    refusal,
    ...(note !== undefined && note.length > limits.noteChars ? { noteDigest: payloadDigest(note) } : {}),
  } as never;
}

function commitStart(
  db: HireflowDb,
  row: InstanceRow,
  definition: MachineDefinition,
  plan: ReturnType<typeof planStart>,
  event: HireflowEvent,
  actor: EngineActor,
  now: number,
): StepSuccess {
  // Insert already wrote revision 0; commitStep bumps it to 1 together with timers, effects and audit.
  const result = commitStep(
    db,
    { ...row, stateValue: null as never },
    definition,
    { ...plan, stateChanged: true },
    event,
    actor,
    undefined,
    now,
  );
  if (!result) throw new EngineError('CONFLICT', 'could not start the instance');
  return result;
}
