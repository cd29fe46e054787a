import { type AnyMachineSnapshot, type AnyStateMachine, createActor } from 'xstate';

interface ExecutableAction {
  type: string;
  params?: unknown;
}

interface InertScope {
  actions: ExecutableAction[];
  scope: Record<string, unknown>;
}

const scopes = new WeakMap<AnyStateMachine, InertScope>();

/**
 * One inert actor scope per machine. xstate's own `transition()` builds a new actor for every call,
 * which also computes the machine's initial snapshot each time (running the initial decision's
 * guards): that made each step ~50× slower than needed. Our machines invoke no child actors, so one
 * scope per machine is safe; it only collects the actions `transition` would return.
 */
function scopeFor(machine: AnyStateMachine): InertScope {
  const cached = scopes.get(machine);
  if (cached) return cached;
  const self = createActor(machine);
  const holder: InertScope = { actions: [], scope: {} };
  holder.scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (action: ExecutableAction) => {
      holder.actions.push(action);
    },
  };
  scopes.set(machine, holder);
  return holder;
}

/** Same result as xstate's pure `transition(machine, snapshot, event)`, without building an actor per call. */
export function pureTransition(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: { type: string },
): [AnyMachineSnapshot, ExecutableAction[]] {
  const holder = scopeFor(machine);
  holder.actions = [];
  const next = machine.transition(snapshot, event as never, holder.scope as never);
  return [next, holder.actions];
}

/** Same result as xstate's pure `initialTransition(machine, input)`, reusing the machine's scope. */
export function pureInitialTransition(
  machine: AnyStateMachine,
  input: unknown,
): [AnyMachineSnapshot, ExecutableAction[]] {
  const holder = scopeFor(machine);
  holder.actions = [];
  const next = machine.getInitialSnapshot(holder.scope as never, input);
  return [next, holder.actions];
}
