import type { EngineActor, HireflowDb, InstanceView, StepResult } from '@hireflow/runtime';
import type { TemplateId } from '@hireflow/templates';
import { describe, expect, it } from 'vitest';
import { auditTrail, effectsOf, expectIntact } from './scenarioRecord.ts';
import {
  createTemplateHarness,
  SCENARIO_START,
  type SendInput,
  type TemplateHarness,
} from './templateHarness.ts';

/** One started instance of the scenario's template, and the moves a scenario makes on it. */
export interface ScenarioRun {
  id: string;
  db: HireflowDb;
  harness: TemplateHarness;
  send(type: string, input?: SendInput): StepResult;
  must(type: string, input?: SendInput): StepResult;
  decide(stepId: string, as: EngineActor, decision?: 'approve' | 'reject'): StepResult;
  patch(patch: Record<string, unknown>, as?: EngineActor): StepResult;
  advanceTo(at: string): void;
  view(): InstanceView;
}

/** A row of a template's table in templates/src/scenarios.md. */
export interface Scenario {
  name: string;
  /** Start context, merged over the schema defaults. */
  context?: Record<string, unknown>;
  /** Clock at start; {@link SCENARIO_START} by default. */
  startAt?: string;
  /** Events and clock moves, in order. */
  steps?: (run: ScenarioRun) => void;
  /** Leaf states active at the end. */
  activeStates: string[];
  status?: 'active' | 'done';
  outcome?: string;
  /** The whole audit log, one line per entry (see `describeEntry`). */
  audit: string[];
  /** The whole outbox, when the scenario is about effects. */
  effects?: string[];
  /** Anything else the row promises (context values, timers, approvals, messages). */
  check?: (run: ScenarioRun) => void;
}

/**
 * Runs each scenario on a fresh database: start, steps, then the end state, the audit log, the
 * outbox, the row's own checks, and finally the integrity of the log (verify + replay).
 */
export function runScenarios(templateId: TemplateId, scenarios: readonly Scenario[]): void {
  describe(`${templateId} through the durable engine`, () => {
    for (const scenario of scenarios) {
      it(scenario.name, () => {
        const harness = createTemplateHarness(templateId, scenario.startAt ?? SCENARIO_START);
        try {
          const id = harness.start(scenario.context ?? {});
          const run: ScenarioRun = {
            id,
            db: harness.db,
            harness,
            send: (type, input) => harness.send(id, type, input),
            must: (type, input) => harness.must(id, type, input),
            decide: (stepId, as, decision) => harness.decide(id, stepId, as, decision),
            patch: (patch, as) => harness.patch(id, patch, as),
            advanceTo: (at) => harness.advanceTo(at),
            view: () => harness.view(id),
          };
          scenario.steps?.(run);
          const view = run.view();
          expect(view.activeStates).toEqual(scenario.activeStates);
          expect(view.status).toBe(scenario.status ?? 'active');
          if (scenario.outcome !== undefined) expect(view.outcome).toBe(scenario.outcome);
          expect(auditTrail(harness.db, id)).toEqual(scenario.audit);
          if (scenario.effects) expect(effectsOf(harness.db, id)).toEqual(scenario.effects);
          scenario.check?.(run);
          expectIntact(harness.db, id);
        } finally {
          harness.close();
        }
      });
    }
  });
}
