import type { ForkOrigin, WorkflowSpec } from '@hireflow/runtime/model';
import type { ServerStore } from '../db/openServerStore.ts';
import { getUser } from '../db/users.ts';
import type { WorkflowMetaRow } from '../db/workflowMeta.ts';
import {
  countInstances,
  getLatestVersion,
  getVersion,
  type HireflowDb,
  type VersionRow,
  type WorkflowRow,
} from '../runtime.ts';

/** The list/detail view of a workflow (docs/api.md `WorkflowSummary`). */
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
  upstreamNewer: { version: number } | null;
  updatedAt: string;
  updatedBy: string;
  runningInstances: number;
  overdueInstances: number;
}

/** The editable draft (docs/api.md `Draft`). */
export interface Draft {
  spec: WorkflowSpec;
  revision: number;
  savedAt: string;
  savedBy: string;
}

/** docs/api.md `VersionSummary`. */
export interface VersionSummaryView {
  workflowId: string;
  number: number;
  hash: string;
  publishedBy: { id: string; name: string };
  publishedAt: string;
  changelog: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The draft of a stored workflow; the draft was parsed before it was stored, so it is a spec. */
export function toDraft(row: WorkflowRow, meta: WorkflowMetaRow | undefined): Draft {
  return {
    spec: row.draftSpec as WorkflowSpec,
    revision: row.draftRevision,
    savedAt: iso(row.updatedAt),
    savedBy: meta?.updatedBy ?? 'system',
  };
}

function upstreamNewer(db: HireflowDb, origin: ForkOrigin | null): { version: number } | null {
  if (origin?.source !== 'workflow') return null;
  const latest = getLatestVersion(db, origin.id);
  return latest && latest.number > origin.version ? { version: latest.number } : null;
}

/** Builds the `WorkflowSummary` of a stored workflow. */
export function toWorkflowSummary(
  db: HireflowDb,
  row: WorkflowRow,
  meta: WorkflowMetaRow | undefined,
): WorkflowSummary {
  const spec = row.draftSpec as Partial<WorkflowSpec>;
  const defaultId = row.routing.defaultVersion;
  const counts = countInstances(db, row.id, Date.now());
  return {
    id: row.id,
    name: row.name,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    businessUnit: row.businessUnit ?? '',
    subjectType: spec.subjectType ?? 'application',
    tags: spec.tags ?? [],
    draftRevision: row.draftRevision,
    latestVersion: getLatestVersion(db, row.id)?.number ?? null,
    defaultVersion: defaultId === null ? null : (getVersion(db, defaultId)?.number ?? null),
    ...(row.forkedFrom ? { forkedFrom: row.forkedFrom } : {}),
    upstreamNewer: upstreamNewer(db, row.forkedFrom),
    updatedAt: iso(row.updatedAt),
    updatedBy: meta?.updatedBy ?? 'system',
    runningInstances: counts.running,
    overdueInstances: counts.overdue,
  };
}

/** Builds a `VersionSummary`, naming the publisher. */
export function toVersionSummary(store: ServerStore, row: Omit<VersionRow, 'spec' | 'definition'>) {
  const user = getUser(store, row.publishedBy);
  return {
    workflowId: row.workflowId,
    number: row.number,
    hash: row.hash,
    publishedBy: { id: row.publishedBy, name: user?.name ?? row.publishedBy },
    publishedAt: iso(row.publishedAt),
    changelog: row.changelog,
  } satisfies VersionSummaryView;
}
