import type { AuditEntry, InstanceSummary } from './apiTypes.ts';

/** Shapes of docs/api.md "Sandboxes, pilots and migrations". */

export interface Sandbox {
  name: string;
  now: string;
  createdAt: string;
  instances: number;
}
export interface SandboxPublication {
  workflowId: string;
  number: number;
  hash: string;
  publishedAt: string;
  source: 'draft' | number;
  unchanged: boolean;
}
export interface CapturedEffect {
  id: string;
  instanceId: string | null;
  type: string;
  payload: unknown;
  status: 'captured';
  createdAt: string;
}
export interface SyntheticResult {
  items: InstanceSummary[];
  refused: { subjectId: string; code: string; message: string }[];
}
export type DurationUnit = 'businessDays' | 'businessHours' | 'days' | 'hours' | 'minutes';
export type SandboxAuditEntry = AuditEntry;

export interface Pilot {
  version: number;
  businessUnits?: string[];
  departments?: string[];
  percentage?: number;
}
export interface Routing {
  defaultVersion: number | null;
  pilot: Pilot | null;
}
export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
}
export interface CohortStats {
  versionId: string;
  version: number | null;
  instances: number;
  finished: number;
  timeInState: Record<string, Spread>;
  slaBreachRate: number;
  escalations: number;
  dropOff: Record<string, number>;
  approvalTurnaround: Spread;
}
export interface PilotComparison {
  default: CohortStats | null;
  pilot: CohortStats | null;
}

export interface MigrationRequest {
  from: number;
  to: number;
  stateMap?: Record<string, string>;
  instanceIds?: string[];
}
export interface MigrationItem {
  instanceId: string;
  from: string[];
  to?: string[];
  timers?: { delayName: string; dueAt: string }[];
  problem?: string;
  applied?: boolean;
}
