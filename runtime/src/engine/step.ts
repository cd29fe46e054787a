import type { AnyMachineSnapshot, StateValue } from 'xstate';
import {
  createHireflowMachine,
  type HireflowContext,
  type HireflowEvent,
  type MachineDefinition,
  pureInitialTransition,
  pureTransition,
} from '../compiler/index.ts';
import { leafStateIds } from './activeNodes.ts';
import { contextPatch } from './contextPatch.ts';
import { explainEvent } from './explain.ts';
import type { Refusal } from './refusal.ts';
import { type Translated, translateActions } from './translate.ts';

/** xstate's persisted snapshot, as stored in the instance row. */
export interface PersistedSnapshot {
  status: string;
  value: StateValue;
  context: HireflowContext;
  [key: string]: unknown;
}

/** The pure result of one engine step: what to write, in one transaction. */
export interface StepPlan extends Translated {
  ok: true;
  snapshot: PersistedSnapshot;
  from: string[];
  to: string[];
  status: 'active' | 'done';
  outcome?: string | undefined;
  stateChanged: boolean;
  contextPatch: Record<string, unknown>;
  transitionId?: string | undefined;
  flag?: string | undefined;
  owner?: { role: string } | { user: string } | undefined;
}

function restore(definition: MachineDefinition, persisted: PersistedSnapshot): AnyMachineSnapshot {
  return createHireflowMachine(definition).resolveState({
    value: persisted.value,
    context: persisted.context,
  });
}

function finish(
  definition: MachineDefinition,
  before: PersistedSnapshot | undefined,
  next: AnyMachineSnapshot,
  actions: readonly { type: string; params?: unknown }[],
  at: Date,
): StepPlan {
  const machine = createHireflowMachine(definition);
  const snapshot = machine.getPersistedSnapshot(next) as unknown as PersistedSnapshot;
  const from = before ? leafStateIds(definition, before.value) : [];
  const to = leafStateIds(definition, next.value);
  const context = next.context as HireflowContext;
  const outcomes = definition.meta.hireflow.outcomes;
  return {
    ok: true,
    snapshot,
    from,
    to,
    status: next.status === 'done' ? 'done' : 'active',
    outcome: next.status === 'done' ? to.map((id) => outcomes[id]).find(Boolean) : undefined,
    stateChanged: JSON.stringify(from) !== JSON.stringify(to),
    contextPatch: contextPatch(
      stripSystem(before?.context ?? {}),
      stripSystem(context),
      definition.meta.hireflow.contextSchema,
    ),
    owner: context.$owner,
    ...translateActions(definition, actions, context, at),
  };
}

const stripSystem = (context: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(context).filter(([key]) => !key.startsWith('$')));

/** Plans the start of an instance: the initial transition with the start context. */
export function planStart(
  definition: MachineDefinition,
  context: Record<string, unknown>,
  at: Date,
): StepPlan {
  const [next, actions] = pureInitialTransition(createHireflowMachine(definition), { context });
  return finish(definition, undefined, next, actions, at);
}

/**
 * Plans one event: explains a refusal (nothing changes) or runs xstate's pure `transition()` and
 * translates its actions. Timer events skip the pre-check: the scheduler only sends armed ones.
 */
export function planEvent(
  definition: MachineDefinition,
  persisted: PersistedSnapshot,
  event: HireflowEvent,
  note: string | undefined,
): StepPlan | Refusal {
  if (persisted.status === 'done')
    return { ok: false, code: 'INSTANCE_DONE', message: 'This instance has already ended.' };
  let transitionId: string | undefined;
  let flag: string | undefined;
  if (!event.type.startsWith('xstate.after.')) {
    const selected = explainEvent(definition, persisted.value, persisted.context, event, note);
    if (!selected.ok) return selected;
    transitionId = selected.transition.id;
    flag = selected.transition.flag;
  }
  const snapshot = restore(definition, persisted);
  const [next, actions] = pureTransition(createHireflowMachine(definition), snapshot, event);
  const at = new Date(event.at ?? Date.now());
  return { ...finish(definition, persisted, next, actions, at), transitionId, flag };
}
