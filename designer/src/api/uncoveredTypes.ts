import type { InstanceSummary } from './apiTypes.ts';

/**
 * Shapes of routes whose response schemas are still open (`z.unknown()` / records) in the server's
 * OpenAPI document: audit entries, verify, replay and what-if, the pilot comparison and the sandbox
 * captures. Hand-kept until those routes get response schemas (their engine-side shapes are being
 * reworked in parallel); the contract test does not cover them yet. Do not add to this file: give the
 * route a response schema and derive the type from `generated/openapi.ts` instead.
 */
export interface Actor {
  id: string;
  role: string;
  via: 'designer' | 'api' | 'webhook' | 'scheduler' | 'system';
}
export interface AuditEntry {
  seq: number;
  /** Position in the instance's own history (0 = start). */
  idx?: number;
  instanceId: string;
  workflowId: string;
  version: number;
  at: string;
  actor: Actor;
  kind: 'start' | 'transition' | 'refused' | 'timer' | 'approval' | 'override' | 'migration';
  event: { type: string; payload?: unknown };
  from: string[];
  to: string[];
  contextPatch?: Record<string, unknown>;
  note?: string;
  refusal?: { code: string; message: string };
  prevHash: string;
  hash: string;
}
/** One recorded event run through another version (the runtime's `whatIf` path). */
export interface WhatIfStep {
  idx: number;
  event: string;
  from: string[];
  to: string[];
  /** The other version does not accept the event (its refusal code); it is skipped. */
  refused?: string;
}
export interface WhatIfResult {
  path: WhatIfStep[];
  finalState: string[];
}
export interface VerifyResult {
  ok: boolean;
  entries: number;
  firstBad?: { seq: number; reason: string };
}
export interface ReplayStep {
  seq: number;
  event: string;
  at: string;
  expected: string[];
  actual: string[];
  ok: boolean;
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
export type SandboxAuditEntry = AuditEntry;
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
