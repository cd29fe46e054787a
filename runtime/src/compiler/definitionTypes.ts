import type { CalendarSpec, ContextSchema, Duration, SuppressionWindow } from '../model/index.ts';

/** A guard or action reference: an implementation name plus JSON params. */
export interface ImplementationRef {
  type: string;
  params?: Record<string, unknown>;
}

export interface TransitionJson {
  target?: string;
  guard?: ImplementationRef;
  actions?: ImplementationRef[];
  reenter?: boolean;
}

/** One state node of the compiled definition (the subset of xstate's config we emit). */
export interface StateNodeJson {
  id: string;
  type?: 'parallel' | 'final';
  initial?: string;
  states?: Record<string, StateNodeJson>;
  on?: Record<string, TransitionJson[]>;
  always?: TransitionJson[];
  after?: Record<string, TransitionJson[]>;
  onDone?: TransitionJson;
  entry?: ImplementationRef[];
  exit?: ImplementationRef[];
  meta?: Record<string, unknown>;
}

/** What the engine needs to arm a durable timer for a delay name. */
export interface TimerMeta {
  stateId: string;
  timerId: string;
  kind: 'sla' | 'deadline';
  after: Duration;
  from?: string | undefined;
  label?: string | undefined;
}

/** A transition as the engine's pre-check sees it, to explain refusals. */
export interface TransitionMeta {
  id: string;
  event: string;
  target?: string | undefined;
  guard?: ImplementationRef | undefined;
  requiresNote: boolean;
  allowedRoles: string[];
  flag?: 'regression' | undefined;
}

export interface ApprovalStepMeta {
  id: string;
  label?: string | undefined;
  approvers: ({ role: string } | { user: string })[];
  mode: 'all' | 'any' | 'quorum';
  quorum?: number | undefined;
  watches: string[];
}

export interface ApprovalMeta {
  steps: ApprovalStepMeta[];
  onApproved: string;
  onRejected: string;
  allowDelegation: boolean;
  allowOverride: boolean;
}

export interface HireflowMeta {
  workflowId: string;
  name: string;
  schemaVersion: number;
  hash: string;
  calendar: CalendarSpec;
  suppressionWindows: SuppressionWindow[];
  contextSchema: ContextSchema;
  timers: Record<string, TimerMeta>;
  /** Keyed by state node id (`''` for the root). */
  transitions: Record<string, TransitionMeta[]>;
  approvals: Record<string, ApprovalMeta>;
  /** Final state ids with their outcome. */
  outcomes: Record<string, string>;
  /** Instances are visible only to people with confidential access (executive hires). */
  confidential: boolean;
}

/** The compiled, JSON-only machine definition. */
export interface MachineDefinition extends StateNodeJson {
  context: Record<string, unknown>;
  meta: { hireflow: HireflowMeta };
}
