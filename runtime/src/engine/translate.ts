import {
  dueAtFrom,
  EFFECT_ACTIONS,
  type HireflowContext,
  type MachineDefinition,
} from '../compiler/index.ts';

/** A durable timer to store: xstate's delayed raise with its business-time due time. */
export interface TimerArm {
  sendId: string;
  delayName: string;
  event: { type: string };
  dueAt: number;
}

/** An effect for the outbox. */
export interface Effect {
  type: string;
  params: Record<string, unknown>;
}

export interface Translated {
  arm: TimerArm[];
  cancel: string[];
  effects: Effect[];
}

interface ExecutedAction {
  type: string;
  params?: unknown;
}

/** Splits `xstate.after.<delay>.<nodeId>` into the delay name (node ids never contain dots). */
export function delayOfEvent(type: string): string | undefined {
  if (!type.startsWith('xstate.after.')) return undefined;
  const rest = type.slice('xstate.after.'.length);
  const dot = rest.lastIndexOf('.');
  return dot < 0 ? undefined : rest.slice(0, dot);
}

/** Due time (epoch ms) of a durable timer armed when its state was entered at `enteredAt`. */
export function computeDueAt(
  definition: MachineDefinition,
  delayName: string,
  context: HireflowContext,
  enteredAt: Date,
): number {
  return dueAtFrom(definition, delayName, context, enteredAt).getTime();
}

/**
 * Turns the actions `transition()` returned into what the engine stores: delayed raises become durable
 * timer rows, cancels delete them, effect actions become outbox rows. Everything else (assigns, the
 * engine's own bookkeeping) already happened inside the pure transition.
 */
export function translateActions(
  definition: MachineDefinition,
  actions: readonly ExecutedAction[],
  context: HireflowContext,
  at: Date,
): Translated {
  const out: Translated = { arm: [], cancel: [], effects: [] };
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, unknown>;
    if (action.type === 'xstate.raise' && params.delay !== undefined) {
      const event = params.event as { type: string };
      const delayName = delayOfEvent(event.type);
      if (!delayName) continue;
      out.arm.push({
        sendId: String(params.id ?? event.type),
        delayName,
        event,
        dueAt: computeDueAt(definition, delayName, context, at),
      });
    } else if (action.type === 'xstate.cancel') {
      const sendId = String(params.sendId);
      // A state entered and left within one step (a skipped approval step) arms then cancels its
      // timer: the later cancel wins, else the row would outlive the state and fire later.
      out.arm = out.arm.filter((timer) => timer.sendId !== sendId);
      out.cancel.push(sendId);
    } else if (EFFECT_ACTIONS.has(action.type)) {
      out.effects.push({ type: action.type, params });
    }
  }
  return out;
}
