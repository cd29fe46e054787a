import type { StateValue } from 'xstate';
import { appendAuditEntry } from '../audit/index.ts';
import { createHireflowMachine, type MachineDefinition, type StateNodeJson } from '../compiler/index.ts';
import {
  armTimer,
  cancelInstanceTimers,
  getInstance,
  type HireflowDb,
  type InstanceStateValue,
  type JsonObject,
  listInstances,
  repinInstance,
} from '../store/index.ts';
import { activeNodeIds, leafStateIds } from './activeNodes.ts';
import { auditActor, type EngineActor } from './actor.ts';
import { syncApprovalTasks } from './approvalTasks.ts';
import type { Clock } from './clock.ts';
import { loadVersion } from './definitions.ts';
import type { PersistedSnapshot, StepPlan } from './step.ts';
import { computeDueAt } from './translate.ts';

export interface MigrationRequest {
  workflowId: string;
  fromVersionId: string;
  toVersionId: string;
  /** Source state id → target state id, for states the target version does not have (others map by id). */
  stateMap?: Record<string, string>;
  /** Only these instances (default: every active instance on the source version). */
  instanceIds?: string[];
}

export interface MigrationItem {
  instanceId: string;
  from: string[];
  to?: string[];
  /** Timers the instance will have on the target version, counted from the original state-entry time. */
  timers?: { delayName: string; dueAt: string }[];
  problem?: string;
  applied?: boolean;
}

/** Where every node of a definition sits: node id → keys from the root. */
function nodePaths(definition: MachineDefinition): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const visit = (node: StateNodeJson, path: string[]) => {
    for (const [key, child] of Object.entries(node.states ?? {})) {
      paths.set(child.id, [...path, key]);
      visit(child, [...path, key]);
    }
  };
  visit(definition, []);
  return paths;
}

function nodeById(definition: MachineDefinition, id: string): StateNodeJson | undefined {
  let found: StateNodeJson | undefined;
  const visit = (node: StateNodeJson) => {
    for (const child of Object.values(node.states ?? {})) {
      if (child.id === id) found = child;
      else visit(child);
    }
  };
  visit(definition);
  return found;
}

/** Builds a state value from leaf ids (`{ offer_approval: 'finance' }`). */
function stateValueOf(paths: Map<string, string[]>, leaves: string[]): StateValue | undefined {
  type Tree = { [key: string]: Tree };
  const tree: Tree = {};
  for (const leaf of leaves) {
    const path = paths.get(leaf);
    if (!path) return undefined;
    let node = tree;
    for (const key of path) node = node[key] ??= {};
  }
  const toValue = (t: Tree): StateValue => {
    const entries = Object.entries(t);
    if (entries.length === 1 && Object.keys(entries[0]?.[1] ?? {}).length === 0)
      return entries[0]?.[0] as string;
    return Object.fromEntries(
      entries.map(([k, sub]) => [k, Object.keys(sub).length === 0 ? {} : toValue(sub)]),
    ) as StateValue;
  };
  return toValue(tree);
}

interface Mapped {
  item: MigrationItem;
  snapshot?: PersistedSnapshot;
  timers?: { sendId: string; delayName: string; dueAt: number }[];
}

function mapInstance(
  db: HireflowDb,
  id: string,
  source: MachineDefinition,
  target: MachineDefinition,
  stateMap: Record<string, string>,
): Mapped {
  const row = getInstance(db, id);
  if (!row) return { item: { instanceId: id, from: [], problem: 'no such instance' } };
  const snapshot = row.snapshot as unknown as PersistedSnapshot;
  const from = leafStateIds(source, snapshot.value);
  const paths = nodePaths(target);
  const to = from.map((leaf) =>
    paths.has(leaf) ? leaf : (stateMap[leaf] ?? stateMap[leaf.split(':')[0] ?? ''] ?? leaf),
  );
  const missing = to.filter((leaf) => !paths.has(leaf));
  if (missing.length > 0)
    return {
      item: {
        instanceId: id,
        from,
        problem: `no state in the target version for ${missing.join(', ')}; choose one in the mapping`,
      },
    };
  let value: StateValue | undefined;
  try {
    const guess = stateValueOf(paths, to);
    value =
      guess === undefined
        ? undefined
        : createHireflowMachine(target).resolveState({ value: guess, context: snapshot.context }).value;
  } catch (error) {
    return {
      item: {
        instanceId: id,
        from,
        problem: `the mapped states do not fit the target version: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
  if (value === undefined)
    return { item: { instanceId: id, from, problem: 'the mapped states do not fit the target version' } };
  const enteredAt = new Date(row.enteredAt);
  const timers = activeNodeIds(target, value).flatMap((nodeId) =>
    Object.keys(nodeById(target, nodeId)?.after ?? {}).map((delayName) => ({
      sendId: `xstate.after.${delayName}.${nodeId}`,
      delayName,
      dueAt: computeDueAt(target, delayName, snapshot.context, enteredAt),
    })),
  );
  return {
    item: {
      instanceId: id,
      from,
      to: leafStateIds(target, value),
      timers: timers.map((t) => ({ delayName: t.delayName, dueAt: new Date(t.dueAt).toISOString() })),
    },
    snapshot: { ...snapshot, value },
    timers,
  };
}

function load(db: HireflowDb, request: MigrationRequest) {
  const source = loadVersion(db, request.fromVersionId);
  const target = loadVersion(db, request.toVersionId);
  if (
    !source ||
    !target ||
    source.version.workflowId !== request.workflowId ||
    target.version.workflowId !== request.workflowId
  )
    return undefined;
  const ids =
    request.instanceIds ??
    listInstances(db, {
      workflowId: request.workflowId,
      versionId: request.fromVersionId,
      status: 'active',
      limit: 100_000,
    }).map((r) => r.id);
  return { source: source.definition, target: target.definition, ids };
}

/** Dry run: each affected instance with its resulting state and recomputed timers, or why it cannot move. */
export function planMigration(db: HireflowDb, request: MigrationRequest): MigrationItem[] | undefined {
  const loaded = load(db, request);
  if (!loaded) return undefined;
  return loaded.ids.map(
    (id) => mapInstance(db, id, loaded.source, loaded.target, request.stateMap ?? {}).item,
  );
}

/**
 * Applies a migration in batches; each instance's move is one audited transaction (a `migration`
 * entry continues its chain). Instances that cannot be mapped are reported, not moved.
 */
export function applyMigration(
  db: HireflowDb,
  clock: Clock,
  request: MigrationRequest,
  actor: EngineActor,
): MigrationItem[] | undefined {
  const loaded = load(db, request);
  if (!loaded) return undefined;
  return loaded.ids.map((id) =>
    db.transaction((): MigrationItem => {
      const mapped = mapInstance(db, id, loaded.source, loaded.target, request.stateMap ?? {});
      const row = getInstance(db, id);
      if (!mapped.snapshot || !mapped.timers || !row || row.versionId !== request.fromVersionId) {
        return {
          ...mapped.item,
          problem: mapped.item.problem ?? 'the instance is no longer on the source version',
          applied: false,
        };
      }
      const now = clock.now().getTime();
      const moved = repinInstance(db, id, row.revision, request.toVersionId, {
        snapshot: mapped.snapshot as unknown as JsonObject,
        stateValue: mapped.snapshot.value as InstanceStateValue,
        status: row.status,
        owner: row.owner,
        enteredAt: row.enteredAt,
        now,
      });
      if (!moved)
        return {
          ...mapped.item,
          problem: 'the instance changed during the migration; run it again',
          applied: false,
        };
      cancelInstanceTimers(db, id);
      for (const timer of mapped.timers)
        armTimer(db, {
          instanceId: id,
          sendId: timer.sendId,
          delayName: timer.delayName,
          event: { type: timer.sendId },
          dueAt: timer.dueAt,
        });
      const plan = {
        from: mapped.item.from,
        to: mapped.item.to ?? [],
        snapshot: mapped.snapshot,
      } as StepPlan;
      syncApprovalTasks(db, id, loaded.target, plan, { type: 'MIGRATE' }, now);
      appendAuditEntry(db, {
        instanceId: id,
        workflowId: row.workflowId,
        versionId: request.toVersionId,
        at: new Date(now).toISOString(),
        actor: auditActor(actor),
        kind: 'migration',
        event: {
          type: 'MIGRATE',
          payload: {
            fromVersionId: request.fromVersionId,
            toVersionId: request.toVersionId,
            stateMap: request.stateMap ?? {},
          },
        },
        from: row.stateValue,
        to: mapped.snapshot.value as InstanceStateValue,
      });
      return { ...mapped.item, applied: true };
    }),
  );
}

/** The inverse of a state mapping, to revert a migration. */
export const invertStateMap = (map: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(map).map(([from, to]) => [to, from]));
