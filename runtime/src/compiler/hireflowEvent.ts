import type { Actor } from './approvalTally.ts';

/** The events a Hireflow machine receives. The engine always sets `actor` and `at`. */
export interface HireflowEvent {
  type: string;
  payload?: Record<string, unknown> | undefined;
  actor?: Actor | undefined;
  /** ISO-8601 time of the event: the only clock the machine reads, so replays are deterministic. */
  at?: string | undefined;
}

export type HireflowContext = Record<string, unknown> & {
  $approvals?: Record<string, { steps: Record<string, import('./approvalTally.ts').StepRecord> }>;
  $owner?: { role: string } | { user: string };
};

/** The event's time; hand-driven machines may omit it and get the wall clock (the engine never does). */
export const eventTime = (event: HireflowEvent): Date => (event.at ? new Date(event.at) : new Date());
