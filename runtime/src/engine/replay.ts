import type { StateValue } from 'xstate';
import { textHash } from '../audit/entryText.ts';
import { type AuditEntry, listAuditEntries } from '../audit/index.ts';
import { canonicalJson, type HireflowEvent, type MachineDefinition } from '../compiler/index.ts';
import { type PersonalDataMode, presentPersonal } from '../privacy/presentPersonal.ts';
import { openSealed, sealContext } from '../privacy/protect.ts';
import { openVault, type SubjectVault, subjectRefOf } from '../privacy/subjectVault.ts';
import { getInstance, type HireflowDb } from '../store/index.ts';
import { loadVersion } from './definitions.ts';
import { type PersistedSnapshot, planEvent, planStart, type StepPlan } from './step.ts';

/** Entry kinds that re-run through the machine; the others (deferrals, refusals, erasures…) change no state. */
const STEP_KINDS = new Set(['transition', 'timer', 'approval', 'override']);

export interface ReplayMismatch {
  idx: number;
  seq: number;
  /** `snapshot`: the instance's stored snapshot is not where its history leads (or not the one committed). */
  field: 'to' | 'contextPatch' | 'refused' | 'snapshot';
  expected: unknown;
  actual: unknown;
}

export interface ReplayResult {
  ok: boolean;
  instanceId: string;
  versionId: string;
  steps: number;
  firstMismatch?: ReplayMismatch | undefined;
  /**
   * Steps that could not be re-checked because the subject's personal data was erased (a guard or
   * value over an erased field): replay followed the recorded state there instead of reporting a
   * mismatch. Empty while the subject's key exists.
   */
  erased?: { idx: number; seq: number; field: ReplayMismatch['field'] }[] | undefined;
  /** The state and context after the last replayed entry (as of `until` when given). */
  stateAt?: { at: string; value: StateValue; context: Record<string, unknown> } | undefined;
}

/**
 * The entry with its sealed values opened. An erased value becomes an opaque token derived from its
 * ciphertext: sealing is deterministic, so equal values still compare equal and a change is still a
 * change, but a guard reading it sees no personal data.
 */
const openEntry = (entry: AuditEntry, vault: SubjectVault): AuditEntry => ({
  ...entry,
  event: openSealed(entry.event, vault, (sealed) => `[erased:${sealed.slice(0, 24)}]`) as AuditEntry['event'],
});

const eventOf = (entry: AuditEntry): HireflowEvent => ({
  type: entry.event.type,
  payload: (entry.event.payload ?? undefined) as Record<string, unknown> | undefined,
  actor: { id: entry.actor.id, role: entry.actor.role },
  at: entry.at,
});

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** Re-runs one recorded entry through a definition; undefined when the entry changes no state. */
function rerun(
  definition: MachineDefinition,
  snapshot: PersistedSnapshot | undefined,
  entry: AuditEntry,
): StepPlan | { ok: false } | undefined {
  if (entry.kind === 'start') {
    const context = ((entry.event.payload ?? {}) as { context?: Record<string, unknown> }).context ?? {};
    return planStart(definition, context, new Date(entry.at));
  }
  if (!STEP_KINDS.has(entry.kind) || !snapshot) return undefined;
  return planEvent(definition, snapshot, eventOf(entry), entry.note ?? undefined);
}

/**
 * Re-runs an instance's recorded events, with their recorded times, through the definition of the
 * version that ran them, and reports the first entry whose resulting state or context change differs
 * from the log. With `until`, stops there and reports the state as of that time.
 */
export function replay(
  db: HireflowDb,
  instanceId: string,
  options: { until?: string | undefined; personal?: PersonalDataMode } = {},
): ReplayResult | undefined {
  const row = getInstance(db, instanceId);
  if (!row) return undefined;
  const until = options.until ? Date.parse(options.until) : Number.POSITIVE_INFINITY;
  const vault = openVault(db, subjectRefOf(row));
  const entries = listAuditEntries(db, instanceId).map((entry) => openEntry(entry, vault));
  const erased: NonNullable<ReplayResult['erased']> = [];
  // The history starts on the version of its first entry; migration entries switch versions.
  let versionId = entries[0]?.versionId ?? row.versionId;
  let definition = loadVersion(db, versionId)?.definition;
  if (!definition) return undefined;
  let snapshot: PersistedSnapshot | undefined;
  let steps = 0;
  let lastAt = '';
  const mismatch = (
    entry: AuditEntry,
    field: ReplayMismatch['field'],
    expected: unknown,
    actual: unknown,
  ): ReplayResult => ({
    ok: false,
    instanceId,
    versionId,
    steps,
    firstMismatch: { idx: entry.idx, seq: entry.seq, field, expected, actual },
    ...(erased.length > 0 ? { erased } : {}),
  });
  // After erasure a step that diverges follows the recorded state (reported in `erased`).
  const tolerate = (entry: AuditEntry, field: ReplayMismatch['field']) => {
    if (vault.available) return false;
    erased.push({ idx: entry.idx, seq: entry.seq, field });
    return true;
  };
  for (const entry of entries) {
    if (Date.parse(entry.at) > until) break;
    if (entry.kind === 'migration' && snapshot) {
      const target = ((entry.event.payload ?? {}) as { toVersionId?: string }).toVersionId ?? entry.versionId;
      const loaded = loadVersion(db, target);
      if (!loaded) return mismatch(entry, 'to', target, 'the target version of this migration is missing');
      versionId = target;
      definition = loaded.definition;
      snapshot = { ...snapshot, value: entry.to as StateValue };
      steps += 1;
      lastAt = entry.at;
      continue;
    }
    const plan = rerun(definition, snapshot, entry);
    if (!plan) continue;
    steps += 1;
    lastAt = entry.at;
    if (!plan.ok) {
      if (!tolerate(entry, 'refused') || !snapshot)
        return mismatch(entry, 'refused', entry.to, 'the event was refused on replay');
      snapshot = { ...snapshot, value: entry.to as StateValue };
      continue;
    }
    if (!same(plan.snapshot.value, entry.to)) {
      if (!tolerate(entry, 'to')) return mismatch(entry, 'to', entry.to, plan.snapshot.value);
      snapshot = { ...plan.snapshot, value: entry.to as StateValue };
      continue;
    }
    if (!same(plan.contextPatch, entry.contextPatch) && !tolerate(entry, 'contextPatch'))
      return mismatch(entry, 'contextPatch', entry.contextPatch, plan.contextPatch);
    snapshot = plan.snapshot;
  }
  const last = entries.at(-1);
  if (options.until === undefined && last) {
    // The stored snapshot must be the one the last entry commits to, in the state the history reached.
    const stored = db.sqlite
      .prepare<[string], { snapshot: string }>('select snapshot from instances where id = ?')
      .get(instanceId);
    const committed =
      last.snapshotHash === null || (stored !== undefined && textHash(stored.snapshot) === last.snapshotHash);
    const reached = snapshot?.value ?? last.to;
    if (!committed || !same(reached, (row.snapshot as { value?: unknown }).value))
      return mismatch(
        last,
        'snapshot',
        { value: reached, snapshotHash: last.snapshotHash },
        {
          value: (row.snapshot as { value?: unknown }).value,
          snapshotHash: stored ? textHash(stored.snapshot) : null,
        },
      );
  }
  // The replayed context is shown like an instance's: personal values masked unless revealed.
  const context = snapshot
    ? presentPersonal(
        sealContext(snapshot.context, definition.meta.hireflow.contextSchema, vault),
        vault,
        options.personal ?? 'mask',
      ).value
    : undefined;
  return {
    ok: true,
    instanceId,
    versionId,
    steps,
    ...(erased.length > 0 ? { erased } : {}),
    stateAt: snapshot && context ? { at: lastAt, value: snapshot.value, context } : undefined,
  };
}

export interface WhatIfStep {
  idx: number;
  event: string;
  from: string[];
  to: string[];
  refused?: string | undefined;
}

/**
 * Runs the same recorded history through another version and returns the path it would have taken
 * (events the other version does not accept are listed as refused and skipped).
 */
export function whatIf(
  db: HireflowDb,
  instanceId: string,
  versionId: string,
): { path: WhatIfStep[]; finalState?: StateValue | undefined } | undefined {
  const loaded = loadVersion(db, versionId);
  const row = getInstance(db, instanceId);
  if (!loaded || !row || loaded.version.workflowId !== row.workflowId) return undefined;
  const path: WhatIfStep[] = [];
  let snapshot: PersistedSnapshot | undefined;
  const vault = openVault(db, subjectRefOf(row));
  for (const raw of listAuditEntries(db, instanceId)) {
    const entry = openEntry(raw, vault);
    if (entry.kind === 'timer' && snapshot) continue; // the other version has its own timers; recorded ones may not exist there
    const plan = rerun(loaded.definition, snapshot, entry);
    if (!plan) continue;
    if (!plan.ok) {
      path.push({
        idx: entry.idx,
        event: entry.event.type,
        from: [],
        to: [],
        refused: (plan as { code?: string }).code ?? 'REFUSED',
      });
      continue;
    }
    path.push({ idx: entry.idx, event: entry.event.type, from: plan.from, to: plan.to });
    snapshot = plan.snapshot;
  }
  return { path, finalState: snapshot?.value };
}
