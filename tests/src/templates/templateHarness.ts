import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEngine,
  createWorkflow,
  type Engine,
  type EngineActor,
  fireDueTimers,
  type HireflowDb,
  type InstanceView,
  ManualClock,
  nextTimerDueAt,
  openDatabase,
  readInstance,
  type StepResult,
} from '@hireflow/runtime';
import { getTemplate, type TemplateId } from '@hireflow/templates';

/** Every scenario of scenarios.md starts on Monday 2 March 2026, 10:00 UTC, unless it says otherwise. */
export const SCENARIO_START = '2026-03-02T10:00:00Z';
export const BUSINESS_UNIT = 'engineering';

/**
 * A person acting in a role of the engineering unit; custom roles (ta_manager, finance…) are plain
 * strings. Scenario actors are on the hiring team, so they may see confidential searches too.
 */
export const actorOf = (role: string, id = `u-${role}`): EngineActor => ({
  id,
  role,
  via: 'api',
  businessUnits: [BUSINESS_UNIT],
  confidentialAccess: true,
});

const ADMIN: EngineActor = { id: 'u-admin', role: 'admin', via: 'cli', businessUnits: '*' };

export interface SendInput {
  /** Defaults to a recruiter. */
  as?: EngineActor;
  payload?: Record<string, unknown>;
  note?: string;
}

/**
 * One scenario's world: a real SQLite file in a temp dir, the durable engine on a manual clock, and
 * the built-in template forked into a workflow and published as version 1.
 */
export interface TemplateHarness {
  db: HireflowDb;
  clock: ManualClock;
  engine: Engine;
  /** Starts an instance with this start context (merged over the schema defaults); throws on refusal. */
  start(context?: Record<string, unknown>, as?: EngineActor): string;
  send(id: string, type: string, input?: SendInput): StepResult;
  /** Sends and throws when the engine refuses: for the steps a scenario takes for granted. */
  must(id: string, type: string, input?: SendInput): StepResult;
  /** `APPROVAL.DECIDE` on a step by an approver in `role` (rejections carry a note). */
  decide(id: string, stepId: string, as: EngineActor, decision?: 'approve' | 'reject'): StepResult;
  /** `UPDATE_CONTEXT` with a dotted-path patch. */
  patch(id: string, patch: Record<string, unknown>, as?: EngineActor): StepResult;
  /**
   * Moves the clock to `at` the way a running scheduler would: each due timer fires at its own due
   * time (so a ladder's later rungs are armed from the right moment), then the clock rests at `at`.
   */
  advanceTo(at: string): void;
  view(id: string): InstanceView;
  close(): void;
}

export function createTemplateHarness(templateId: TemplateId, start = SCENARIO_START): TemplateHarness {
  const dir = mkdtempSync(join(tmpdir(), `hireflow-${templateId}-`));
  const db = openDatabase(join(dir, 'hireflow.db'));
  const clock = new ManualClock(start);
  const engine = createEngine({ db, clock, environment: 'test' });
  const spec = getTemplate(templateId);
  if (!spec) throw new Error(`no template ${templateId}`);
  createWorkflow(db, {
    id: spec.id,
    name: spec.name,
    businessUnit: BUSINESS_UNIT,
    draftSpec: spec as never,
    forkedFrom: { source: 'template', id: templateId, version: 1 },
    now: clock.now().getTime(),
  });
  const published = engine.publish({ workflowId: spec.id, actor: ADMIN, changelog: 'from template' });
  if (published.kind === 'invalid')
    throw new Error(`template ${templateId} does not publish: ${JSON.stringify(published.diagnostics)}`);

  const send = (id: string, type: string, input: SendInput = {}): StepResult =>
    engine.send(
      id,
      { type, ...(input.payload ? { payload: input.payload } : {}) },
      { actor: input.as ?? actorOf('recruiter'), note: input.note },
    );

  const harness: TemplateHarness = {
    db,
    clock,
    engine,
    start(context = {}, as = actorOf('recruiter')) {
      const result = engine.start({
        workflowId: spec.id,
        businessUnit: BUSINESS_UNIT,
        subject: { kind: spec.subjectType },
        context,
        actor: as,
      });
      if (!result.ok) throw new Error(`start refused: ${result.code} ${result.message}`);
      return result.instanceId;
    },
    send,
    must(id, type, input) {
      const result = send(id, type, input);
      if (!result.ok) throw new Error(`${type} refused: ${result.code} ${result.message}`);
      return result;
    },
    decide(id, stepId, as, decision = 'approve') {
      return send(id, 'APPROVAL.DECIDE', {
        as,
        payload: { stepId, decision },
        ...(decision === 'reject' ? { note: 'Not approved: see the comment thread.' } : {}),
      });
    },
    patch(id, patch, as = actorOf('recruiter')) {
      return send(id, 'UPDATE_CONTEXT', { as, payload: { patch } });
    },
    advanceTo(at) {
      const target = Date.parse(at);
      for (let guard = 0; guard < 1000; guard++) {
        const next = nextTimerDueAt(db);
        if (next === undefined || next > target) break;
        clock.set(new Date(Math.max(next, clock.now().getTime())));
        fireDueTimers(engine);
      }
      clock.set(new Date(Math.max(target, clock.now().getTime())));
    },
    view(id) {
      const view = readInstance(db, id, ADMIN, clock.now().getTime());
      if (!view) throw new Error(`no instance ${id}`);
      return view;
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
