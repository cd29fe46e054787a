import { z } from 'zod';
import { ActionSpec } from './actions.ts';
import { ApprovalSpec } from './approval.ts';
import { Id, RoleName } from './primitives.ts';
import { TimerSpec } from './timer.ts';
import { BranchSpec, TransitionSpec } from './transition.ts';

/** The kinds of state TA ops can draw. */
export const STATE_KINDS = ['milestone', 'approval', 'decision', 'parallel', 'final'] as const;
export type StateKind = (typeof STATE_KINDS)[number];

/** How an instance ended. */
export const OUTCOMES = ['hired', 'rejected', 'withdrawn', 'canceled', 'completed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const common = {
  id: Id,
  label: z.string().max(120).optional(),
  description: z.string().max(2000).optional(),
  /** A compliance step: forks of this workflow may not remove it. */
  locked: z.boolean().optional(),
  /** The role that owns instances in this state (shown in worklists, target of reminders). */
  owner: RoleName.optional(),
  /** Canvas position, kept so a drawing looks the same when reopened. */
  position: z.strictObject({ x: z.number(), y: z.number() }).optional(),
  entry: z.array(ActionSpec).default([]),
  exit: z.array(ActionSpec).default([]),
};

const leaving = {
  on: z.array(TransitionSpec).default([]),
  timers: z.array(TimerSpec).default([]),
};

export const MilestoneState = z.strictObject({ kind: z.literal('milestone'), ...common, ...leaving });
export const DecisionState = z.strictObject({
  kind: z.literal('decision'),
  ...common,
  branches: z.array(BranchSpec).min(1, 'a decision needs at least one branch'),
});
export const ApprovalState = z.strictObject({
  kind: z.literal('approval'),
  ...common,
  ...leaving,
  approval: ApprovalSpec,
});
export const FinalState = z.strictObject({ kind: z.literal('final'), ...common, outcome: z.enum(OUTCOMES) });

export type MilestoneState = z.infer<typeof MilestoneState>;
export type DecisionState = z.infer<typeof DecisionState>;
export type ApprovalState = z.infer<typeof ApprovalState>;
export type FinalState = z.infer<typeof FinalState>;

/** One independent track of a parallel state; the parallel state is done when every track is final. */
export interface RegionSpec {
  id: string;
  label?: string | undefined;
  initial: string;
  states: StateSpec[];
}
export interface ParallelState {
  kind: 'parallel';
  id: string;
  label?: string | undefined;
  description?: string | undefined;
  locked?: boolean | undefined;
  owner?: string | undefined;
  position?: { x: number; y: number } | undefined;
  entry: ActionSpec[];
  exit: ActionSpec[];
  on: z.infer<typeof TransitionSpec>[];
  timers: z.infer<typeof TimerSpec>[];
  regions: RegionSpec[];
  /** Where the instance goes when every track has finished. */
  onDone: string;
}
export type StateSpec = MilestoneState | DecisionState | ApprovalState | FinalState | ParallelState;

export const RegionSpec: z.ZodType<RegionSpec, unknown> = z.lazy(() =>
  z.strictObject({
    id: Id,
    label: z.string().max(120).optional(),
    initial: Id,
    states: z.array(StateSpec).min(1, 'a track needs at least one state'),
  }),
);

/** A state of the workflow, by kind. */
export const StateSpec: z.ZodType<StateSpec, unknown> = z.lazy(() =>
  z.discriminatedUnion('kind', [MilestoneState, DecisionState, ApprovalState, FinalState, ParallelState]),
);

// discriminatedUnion needs the object schema itself; the getter defers the recursion.
export const ParallelState = z.strictObject({
  kind: z.literal('parallel'),
  ...common,
  ...leaving,
  get regions() {
    return z.array(RegionSpec).min(2, 'a parallel state needs at least two tracks');
  },
  onDone: Id,
});
