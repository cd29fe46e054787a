import type { Outcome, StateKind } from '@hireflow/runtime/model';
import type { Edge, Node } from '@xyflow/react';

/** How the canvas marks a node or edge: simulation, version diff, replay path. Derived, never stored. */
export type FlowMark = 'active' | 'visited' | 'added' | 'removed' | 'changed' | 'error';

/** One approval step as shown on an approval node. */
export interface StepSummary {
  id: string;
  label: string;
  approvers: string[];
  mode: string;
}

/** Serializable node data (no callbacks: edits go through the editor store by id). */
export interface StateNodeData extends Record<string, unknown> {
  stateId: string;
  kind: StateKind;
  label: string;
  locked: boolean;
  initial: boolean;
  owner?: string | undefined;
  /** Timers with no target, shown as badges ("3 business days → notify recruiter"). */
  slaBadges: string[];
  steps?: StepSummary[] | undefined;
  tracks?: { id: string; label: string }[] | undefined;
  outcome?: Outcome | undefined;
  /** Transitions from any state (Reject, Withdraw…) that also leave this state, drawn as one badge. */
  anyState?: { name: string; title: string }[] | undefined;
  mark?: FlowMark | undefined;
}

/** What an edge stands for in the spec. */
export type EdgeRole = 'transition' | 'branch' | 'timer' | 'approved' | 'rejected' | 'done';

/** Serializable edge data. */
export interface SpecEdgeData extends Record<string, unknown> {
  role: EdgeRole;
  /** The state the edge leaves. */
  stateId: string;
  /** Id of the transition, branch or timer in the spec (absent for approval outcomes and parallel done). */
  refId?: string | undefined;
  label: string;
  guard?: string | undefined;
  mark?: FlowMark | undefined;
  /** When several arrows of one state share its event (or a decision has several branches): its try order. */
  order?: { position: number; of: number } | undefined;
}

export type StateNode = Node<StateNodeData>;
export type SpecEdge = Edge<SpecEdgeData>;

export interface Flow {
  nodes: StateNode[];
  edges: SpecEdge[];
}
