import type { HireflowEvent, MachineDefinition, TransitionMeta } from '@hireflow/runtime/compiler';
import {
  activeNodeIds,
  type Effect,
  explainEvent,
  leafStateIds,
  type PersistedSnapshot,
  planEvent,
  planStart,
  type StepPlan,
  type TimerArm,
} from '@hireflow/runtime/step';

/** The actor timers fire as, like the engine's scheduler (`system:timer`). */
export const TIMER_ACTOR = { id: 'system:timer', role: 'system' } as const;

export interface SimStep {
  /** Position in the log (0 = start). */
  seq: number;
  at: string;
  event: string;
  actor?: { id: string; role: string } | undefined;
  from: string[];
  to: string[];
  /** Effects the engine would put in the outbox (notify, webhook…), with their parameters. */
  effects: Effect[];
  /** Set when the engine would refuse the event: nothing changed. */
  refusal?: { code: string; message: string } | undefined;
}

/**
 * One in-browser run of a compiled draft on the engine's own pure step (`@hireflow/runtime/step`):
 * the same `planStart` / `planEvent` the durable engine commits, without the database. Immutable:
 * every function returns a new simulation.
 */
export interface Simulation {
  definition: MachineDefinition;
  snapshot: PersistedSnapshot;
  now: number;
  /** Armed timers by xstate send id, soonest first, as the engine's timer rows. */
  timers: TimerArm[];
  log: SimStep[];
}

/** Every state node id active in the simulation, outermost first (keys and leaves). */
export function activeStateIds(sim: Simulation): string[] {
  return activeNodeIds(sim.definition, sim.snapshot.value).filter(Boolean).reverse();
}

/** The leaf states a user sees (as the engine's `activeStates`). */
export const currentStates = (sim: Simulation): string[] => leafStateIds(sim.definition, sim.snapshot.value);

function applyTimers(timers: TimerArm[], plan: StepPlan): TimerArm[] {
  const replaced = new Set([...plan.cancel, ...plan.arm.map((t) => t.sendId)]);
  return [...timers.filter((t) => !replaced.has(t.sendId)), ...plan.arm].sort((a, b) => a.dueAt - b.dueAt);
}

/** Starts a run at `now` with the given context (merged over the schema defaults). */
export function startSimulation(
  definition: MachineDefinition,
  context: Record<string, unknown>,
  now: number,
): Simulation {
  const at = new Date(now);
  const plan = planStart(definition, context, at);
  return {
    definition,
    snapshot: plan.snapshot,
    now,
    timers: applyTimers([], plan),
    log: [{ seq: 0, at: at.toISOString(), event: 'start', from: [], to: plan.to, effects: plan.effects }],
  };
}

/**
 * Sends one event at the simulation's current time through the engine's `planEvent`. A refused event
 * changes nothing but is logged with the engine's reason.
 */
export function sendEvent(sim: Simulation, event: HireflowEvent, note?: string, at = sim.now): Simulation {
  const stamped: HireflowEvent = { ...event, at: new Date(at).toISOString() };
  const plan = planEvent(sim.definition, sim.snapshot, stamped, note);
  const from = currentStates(sim);
  const base = { seq: sim.log.length, at: stamped.at ?? '', event: event.type, actor: event.actor, from };
  if (!plan.ok) {
    const refused = { ...base, to: from, effects: [], refusal: { code: plan.code, message: plan.message } };
    return { ...sim, log: [...sim.log, refused] };
  }
  const step: SimStep = { ...base, to: plan.to, effects: plan.effects };
  return { ...sim, snapshot: plan.snapshot, timers: applyTimers(sim.timers, plan), log: [...sim.log, step] };
}

/** Moves the clock to `to`, firing every timer due by then in order, as the scheduler would. */
export function advanceClock(sim: Simulation, to: number): Simulation {
  let current = sim;
  for (;;) {
    const due = current.timers[0];
    if (!due || due.dueAt > to || current.snapshot.status === 'done') break;
    current = sendEvent(
      { ...current, timers: current.timers.slice(1) },
      { ...due.event, actor: TIMER_ACTOR },
      undefined,
      due.dueAt,
    );
  }
  return { ...current, now: to };
}

/** Built-in events with their own controls (approvals) or none (context updates), not drawn arrows. */
export const RESERVED_EVENTS: ReadonlySet<string> = new Set([
  'UPDATE_CONTEXT',
  'APPROVAL.DECIDE',
  'APPROVAL.DELEGATE',
  'APPROVAL.OVERRIDE',
]);

/** A drawn transition of an active state, and whether its button would fire exactly it now. */
export interface Candidate {
  stateId: string;
  transition: TransitionMeta;
  /** Null when sending the event now takes exactly this transition; else why not, in words. */
  blockedBy: string | null;
}

/**
 * The transitions of the active states (deepest first, in the engine's order) with the engine's
 * verdict for each: its event must select this very transition (an earlier one on the same event
 * whose condition holds would be taken instead), for this actor and note.
 */
export function candidateEvents(
  sim: Simulation,
  actor: { id: string; role: string },
  note: string | undefined,
  skip: ReadonlySet<string> = RESERVED_EVENTS,
): Candidate[] {
  const table = sim.definition.meta.hireflow.transitions;
  const done = sim.snapshot.status === 'done';
  return activeNodeIds(sim.definition, sim.snapshot.value).flatMap((stateId) =>
    (table[stateId] ?? [])
      .filter((t) => !skip.has(t.event))
      .map((transition) => {
        if (done) return { stateId, transition, blockedBy: 'The instance has ended.' };
        const verdict = explainEvent(
          sim.definition,
          sim.snapshot.value,
          sim.snapshot.context,
          { type: transition.event, actor, at: new Date(sim.now).toISOString() },
          note,
        );
        if (!verdict.ok) return { stateId, transition, blockedBy: verdict.message };
        if (verdict.transition.id !== transition.id) {
          const order = sameEvent(sim, transition.event);
          const selectedFirst = order.indexOf(verdict.transition.id) < order.indexOf(transition.id);
          return {
            stateId,
            transition,
            blockedBy: selectedFirst
              ? `${transition.event} takes the earlier "${verdict.transition.id}" first.`
              : 'Its condition is false for this context.',
          };
        }
        return { stateId, transition, blockedBy: null };
      }),
  );
}

/** Ids of the transitions on `event` of the active states, in the order the engine tries them. */
function sameEvent(sim: Simulation, event: string): string[] {
  const table = sim.definition.meta.hireflow.transitions;
  return activeNodeIds(sim.definition, sim.snapshot.value).flatMap((id) =>
    (table[id] ?? []).filter((t) => t.event === event).map((t) => t.id),
  );
}
