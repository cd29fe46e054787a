import type { StateValue } from 'xstate';
import { instancesStartedOn, listAuditEntries } from '../audit/index.ts';
import {
  getInstance,
  getWorkflow,
  type HireflowDb,
  setRouting,
  type WorkflowRouting,
} from '../store/index.ts';
import type { EngineActor } from './actor.ts';
import type { Clock } from './clock.ts';
import { loadVersion } from './definitions.ts';
import { EngineError } from './refusal.ts';

/** Distribution of durations, in hours. */
export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
}

/** What TA ops compare between the pilot and the default cohort. */
export interface CohortStats {
  versionId: string;
  instances: number;
  finished: number;
  timeInState: Record<string, Spread>;
  slaBreachRate: number;
  escalations: number;
  dropOff: Record<string, number>;
  approvalTurnaround: Spread;
}

const HOUR = 3_600_000;

function spread(values: number[]): Spread {
  if (values.length === 0) return { count: 0, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { count: sorted.length, median: at(0.5) / HOUR, p90: at(0.9) / HOUR };
}

/** The top-level stage of a state value (`{ offer_approval: 'finance' }` → `offer_approval`). */
const stageOf = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object'
      ? Object.keys(value as object)[0]
      : undefined;

/** Milestone statistics of one version's cohort (the instances that started on it), from the audit log. */
export function cohortStats(db: HireflowDb, workflowId: string, versionId: string): CohortStats {
  const definition = loadVersion(db, versionId)?.definition;
  const meta = definition?.meta.hireflow;
  // The cohort is the instances that started on this version, even if some were migrated since.
  const rows = instancesStartedOn(db, workflowId, versionId).flatMap((id) => {
    const row = getInstance(db, id);
    return row ? [row] : [];
  });
  const durations: Record<string, number[]> = {};
  const dropOff: Record<string, number> = {};
  const turnaround: number[] = [];
  let breached = 0;
  let escalations = 0;
  let finished = 0;
  for (const row of rows) {
    let stage: string | undefined;
    let since = 0;
    let breachedHere = false;
    for (const entry of listAuditEntries(db, row.id)) {
      const at = Date.parse(entry.at);
      if (entry.kind === 'timer') {
        const delay = entry.event.type.replace(/^xstate\.after\./, '').replace(/\.[^.]*$/, '');
        if (meta?.timers[delay]?.kind === 'sla') {
          escalations += 1;
          breachedHere = true;
        }
      }
      const next = stageOf(entry.to as StateValue);
      if (next === undefined || next === stage) continue;
      if (stage !== undefined) {
        durations[stage] = [...(durations[stage] ?? []), at - since];
        if (meta?.approvals[stage]) turnaround.push(at - since);
        const outcome = meta?.outcomes[next];
        if (outcome === 'rejected' || outcome === 'withdrawn') dropOff[stage] = (dropOff[stage] ?? 0) + 1;
      }
      stage = next;
      since = at;
    }
    if (breachedHere) breached += 1;
    if (row.status === 'done') finished += 1;
  }
  return {
    versionId,
    instances: rows.length,
    finished,
    timeInState: Object.fromEntries(
      Object.entries(durations).map(([state, values]) => [state, spread(values)]),
    ),
    slaBreachRate: rows.length === 0 ? 0 : breached / rows.length,
    escalations,
    dropOff,
    approvalTurnaround: spread(turnaround),
  };
}

/** Pilot and default cohorts side by side. */
export function comparePilot(db: HireflowDb, workflowId: string, routing: WorkflowRouting) {
  return {
    default: routing.defaultVersion ? cohortStats(db, workflowId, routing.defaultVersion) : null,
    pilot: routing.pilot ? cohortStats(db, workflowId, routing.pilot.versionId) : null,
  };
}

/**
 * Changes which version new instances start on (promote a pilot, roll it back, start a pilot).
 * Running instances stay pinned. Returns the previous routing so the caller can record the change.
 */
export function changeRouting(
  db: HireflowDb,
  clock: Clock,
  workflowId: string,
  routing: WorkflowRouting,
  _actor: EngineActor,
): WorkflowRouting {
  for (const id of [routing.defaultVersion, routing.pilot?.versionId]) {
    if (id && loadVersion(db, id)?.version.workflowId !== workflowId)
      throw new EngineError('NOT_FOUND', `version ${id} is not a version of ${workflowId}`);
  }
  if (
    routing.pilot?.percentage !== undefined &&
    (routing.pilot.percentage < 0 || routing.pilot.percentage > 100)
  ) {
    throw new EngineError('INVALID_EVENT', 'pilot.percentage must be between 0 and 100');
  }
  return db.transaction(() => {
    const previous = getWorkflow(db, workflowId);
    if (!previous) throw new EngineError('NOT_FOUND', `no workflow ${workflowId}`);
    setRouting(db, workflowId, routing, clock.now().getTime());
    return previous.routing;
  });
}
