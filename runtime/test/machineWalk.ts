import { type AnyMachineSnapshot, type AnyStateMachine, initialTransition, transition } from 'xstate';
import {
  compile,
  createHireflowMachine,
  type HireflowEvent,
  type MachineDefinition,
} from '../src/compiler/index.ts';

/** An action xstate returned from a pure transition (raise, cancel, or one of ours by name). */
export interface EmittedAction {
  type: string;
  params?: Record<string, unknown>;
}

/** The fixed clock of walks: every event happens at this instant unless it says otherwise. */
export const WALK_AT = '2026-03-02T15:00:00.000Z';

/**
 * Drives a compiled definition through stock xstate's pure `initialTransition` / `transition`,
 * keeping the latest snapshot and the actions of the last step, as the engine does.
 */
export class MachineWalk {
  readonly machine: AnyStateMachine;
  snapshot: AnyMachineSnapshot;
  actions: EmittedAction[];

  constructor(
    readonly definition: MachineDefinition,
    context: Record<string, unknown> = {},
  ) {
    this.machine = createHireflowMachine(definition);
    const [snapshot, actions] = initialTransition(this.machine, { context });
    this.snapshot = snapshot;
    this.actions = actions as EmittedAction[];
  }

  /** Sends one event (stamped with {@link WALK_AT} unless it carries its own `at`) and returns the walk. */
  send(type: string, extra: Omit<HireflowEvent, 'type'> = {}): this {
    const event: HireflowEvent = { type, at: WALK_AT, ...extra };
    const [snapshot, actions] = transition(this.machine, this.snapshot, event);
    this.snapshot = snapshot;
    this.actions = actions as EmittedAction[];
    return this;
  }

  /** An approver's decision on the current step. */
  decide(actor: { id: string; role: string }, decision: 'approve' | 'reject', stepId?: string): this {
    return this.send('APPROVAL.DECIDE', { actor, payload: { decision, ...(stepId ? { stepId } : {}) } });
  }

  /** Ids of the active state nodes, outermost first, without the machine root. */
  get active(): string[] {
    return this.snapshot._nodes.map((node) => node.id).filter((id) => id !== this.machine.id);
  }

  get context(): Record<string, unknown> {
    return this.snapshot.context as Record<string, unknown>;
  }

  get done(): boolean {
    return this.snapshot.status === 'done';
  }

  /** The approval record of one step, as the designer and the engine read it. */
  step(stateId: string, stepId: string): unknown {
    const approvals = this.context.$approvals as
      | Record<string, { steps: Record<string, unknown> }>
      | undefined;
    return approvals?.[stateId]?.steps[stepId];
  }
}

/** Compiles a spec that must be free of errors and returns its definition. */
export function definitionOf(spec: unknown): MachineDefinition {
  const result = compile(spec);
  if (!result.definition) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.definition;
}
