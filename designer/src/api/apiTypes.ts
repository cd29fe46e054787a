import type { ForkOrigin, WorkflowSpec, WorkflowSpecInput } from '@hireflow/runtime/model';

export type { Diagnostic, SpecDiff } from '@hireflow/runtime/compiler';

/** Response and request shapes of docs/api.md. Kept beside the client, the only module that uses fetch. */

export type Role = 'admin' | 'designer' | 'recruiter' | 'hiring_manager' | 'hrbp' | 'approver' | 'auditor';
export interface User {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  businessUnits: string[];
}
export interface Session {
  user: User;
  csrfToken: string;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface WorkflowSummary {
  id: string;
  name: string;
  description?: string;
  businessUnit: string;
  subjectType: string;
  tags: string[];
  draftRevision: number;
  latestVersion: number | null;
  defaultVersion: number | null;
  forkedFrom?: ForkOrigin;
  upstreamNewer?: { version: number } | null;
  updatedAt: string;
  updatedBy: string;
  runningInstances: number;
  overdueInstances: number;
}
export interface Draft {
  spec: WorkflowSpec;
  revision: number;
  savedAt: string;
  savedBy: string;
}
export interface VersionSummary {
  workflowId: string;
  number: number;
  hash: string;
  publishedBy: { id: string; name: string };
  publishedAt: string;
  changelog: string;
}
export interface Version extends VersionSummary {
  spec: WorkflowSpec;
  definition: unknown;
}
export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  subjectType: string;
  tags: string[];
  version: number;
  stateCount: number;
  lockedStates: string[];
}
export interface InstanceSummary {
  id: string;
  workflowId: string;
  version: number;
  subjectId: string;
  businessUnit: string;
  state: string[];
  status: 'running' | 'done';
  enteredAt: string;
  overdue: boolean;
  startedAt: string;
}
export interface Instance extends InstanceSummary {
  context: Record<string, unknown>;
  timers: { delayName: string; stateId: string; timerId: string; dueAt: string }[];
  approvals: ApprovalTask[];
  enabledEvents: string[];
}
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
export interface ApprovalTask {
  id: string;
  instanceId: string;
  workflowId: string;
  workflowName: string;
  stateId: string;
  stepId: string;
  stepLabel?: string;
  mode: 'all' | 'any' | 'quorum';
  quorum?: number;
  approvers: ({ role: string } | { user: string })[];
  status: 'pending' | 'approved' | 'rejected' | 'skipped';
  context: Record<string, unknown>;
  reopened?: { field: string; before: unknown; after: unknown }[];
  createdAt: string;
  dueAt?: string;
}
export interface ForkRequest {
  businessUnit?: string;
  id?: string;
  name?: string;
}
export type { WorkflowSpecInput };
