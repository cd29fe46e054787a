import type { WorkflowSpec } from '@hireflow/runtime/model';

/** Top-level state ids of a spec, in drawing order. */
export const stateIds = (spec: WorkflowSpec): string[] => spec.states.map((state) => state.id);

/**
 * The mapping table of a migration: every source state maps to the target state of the same id, or
 * to nothing yet (the user picks one). `chosen` keeps the user's earlier picks.
 */
export function autoMap(
  source: WorkflowSpec,
  target: WorkflowSpec,
  chosen: Record<string, string> = {},
): Record<string, string | null> {
  const targets = new Set(stateIds(target));
  return Object.fromEntries(
    stateIds(source).map((id) => [
      id,
      targets.has(id) ? id : chosen[id] && targets.has(chosen[id]) ? chosen[id] : null,
    ]),
  );
}

/** The `stateMap` the server takes: only the states that do not map by id. */
export function toStateMap(table: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(table).filter(
      (entry): entry is [string, string] => entry[1] !== null && entry[1] !== entry[0],
    ),
  );
}
