import type {
  HireflowContext,
  HireflowEvent,
  MachineDefinition,
  TransitionMeta,
} from '@hireflow/runtime/compiler';
import { createHireflowMachine, timerDueAt } from '@hireflow/runtime/compiler';
import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate';

/** A timer xstate asked to schedule (`xstate.raise` with a delay), due at a simulated time. */
export interface PendingTimer {
  id: string;
  event: { type: string };
  dueAt: number;
}

export interface SimStep {
  /** Position in the log (0 = start). */
  seq: number;
  at: string;
  event: string;
  from: string[];
  to: string[];
  /** Effects the engine would put in the outbox (notify, webhook…), by action name. */
  effects: string[];
}

/** One in-browser run of a compiled draft. Immutable: every function returns a new simulation. */
export interface Simulation {
  definition: MachineDefinition;
  snapshot: AnyMachineSnapshot;
  now: number;
  timers: PendingTimer[];
  log: SimStep[];
}

/** Every state id active in a snapshot value (keys and leaves), e.g. `['checks', 'bg', 'bg_run', …]`. */
export function activeStateIds(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [key, ...activeStateIds(child)]);
}

const AFTER_PREFIX = 'xstate.after.';

interface ExecutedAction {
  type: string;
  params?: { id?: string; sendId?: string; delay?: number; event?: { type: string } } | undefined;
}

/**
 * Applies xstate's scheduling actions to the timer list and names the effects. Due times come from
 * the compiler's business calendar at the step's time (`timerDueAt`), as the engine computes them,
 * not from xstate's millisecond delay (which the start event computes from the wall clock).
 */
function schedule(
  definition: MachineDefinition,
  context: HireflowContext,
  timers: PendingTimer[],
  actions: readonly ExecutedAction[],
  at: number,
) {
  let next = [...timers];
  const effects: string[] = [];
  for (const action of actions) {
    const p = action.params;
    if (action.type === 'xstate.raise' && p?.delay !== undefined && p.id && p.event) {
      const delayName = p.id.slice(AFTER_PREFIX.length, p.id.lastIndexOf('.'));
      const dueAt = timerDueAt(definition, delayName, context, {
        type: 'tick',
        at: new Date(at).toISOString(),
      }).getTime();
      next = [...next.filter((t) => t.id !== p.id), { id: p.id, event: p.event, dueAt }];
    } else if (action.type === 'xstate.cancel' && p?.sendId) {
      next = next.filter((t) => t.id !== p.sendId);
    } else if (action.type.startsWith('hireflow.') && !action.type.startsWith('hireflow.approval')) {
      effects.push(action.type.replace('hireflow.', ''));
    }
  }
  return { timers: next.sort((a, b) => a.dueAt - b.dueAt), effects };
}

/** Starts a run at `now` with the given context (merged over the schema defaults). */
export function startSimulation(
  definition: MachineDefinition,
  context: Record<string, unknown>,
  now: number,
): Simulation {
  const machine = createHireflowMachine(definition);
  const [snapshot, actions] = initialTransition(machine, { context });
  const { timers, effects } = schedule(definition, snapshot.context, [], actions as ExecutedAction[], now);
  const to = activeStateIds(snapshot.value);
  return {
    definition,
    snapshot,
    now,
    timers,
    log: [{ seq: 0, at: new Date(now).toISOString(), event: 'start', from: [], to, effects }],
  };
}

/** Sends one event at the simulation's current time; a refused event changes nothing. */
export function sendEvent(sim: Simulation, event: HireflowEvent, at = sim.now): Simulation {
  const machine = createHireflowMachine(sim.definition);
  const stamped = { ...event, at: new Date(at).toISOString() };
  const [snapshot, actions] = transition(machine, sim.snapshot, stamped as never);
  const { timers, effects } = schedule(
    sim.definition,
    snapshot.context,
    sim.timers,
    actions as ExecutedAction[],
    at,
  );
  const step: SimStep = {
    seq: sim.log.length,
    at: stamped.at,
    event: event.type,
    from: activeStateIds(sim.snapshot.value),
    to: activeStateIds(snapshot.value),
    effects,
  };
  return { ...sim, snapshot, timers, log: [...sim.log, step] };
}

/** Whether the machine would take `event` now (state enabled and guard true). */
export function canSend(sim: Simulation, event: HireflowEvent): boolean {
  return sim.snapshot.can({ ...event, at: new Date(sim.now).toISOString() } as never);
}

/** Moves the clock to `to`, firing every timer due by then in order (SLA escalations). */
export function advanceClock(sim: Simulation, to: number): Simulation {
  let current = sim;
  for (;;) {
    const due = current.timers[0];
    if (!due || due.dueAt > to) break;
    current = sendEvent({ ...current, timers: current.timers.slice(1) }, due.event, due.dueAt);
  }
  return { ...current, now: to };
}

/** Events the definition lists for the active states, as the engine would offer them. */
export function candidateEvents(sim: Simulation): { stateId: string; transition: TransitionMeta }[] {
  const table = sim.definition.meta.hireflow.transitions;
  const active = ['', ...activeStateIds(sim.snapshot.value)];
  return active.flatMap((stateId) => (table[stateId] ?? []).map((transition) => ({ stateId, transition })));
}
