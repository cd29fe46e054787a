import type { StateKind, WorkflowSpec } from '@hireflow/runtime/model';
import { findState } from '@hireflow/runtime/model';
import { collectIds, uniqueId } from '../spec/specTree.ts';
import { NEW_STATE_LABELS } from './newState.ts';
import { updateState } from './updateState.ts';

/** The id a state gets from its name: the slug of the name, unique in the spec. */
export function idFromName(name: string, taken: Set<string>): string {
  return uniqueId(name.trim().replace(/\s+/g, '_'), taken);
}

/**
 * A state still carrying the placeholder name and id it was created with (`New milestone`,
 * `milestone_2`): nothing has named it yet, so its id may still follow its first real name.
 */
export function hasProvisionalId(state: {
  id: string;
  label?: string | undefined;
  kind: StateKind;
}): boolean {
  const base = state.kind === 'final' ? 'outcome' : state.kind;
  return state.label === NEW_STATE_LABELS[state.kind] && new RegExp(`^${base}(_\\d+)?$`).test(state.id);
}

/**
 * Renames a state. The first name given to a freshly created state also becomes its id (slug of the
 * name, unique), so specs, diffs and audit entries read `phone_screen` rather than `milestone_3`;
 * afterwards the id stays put (instances and versions refer to it).
 */
export function nameState(
  spec: WorkflowSpec,
  id: string,
  label: string,
): { spec: WorkflowSpec; id: string; error?: string | undefined } {
  const state = findState(spec, id)?.state;
  if (!state) return { spec, id };
  const name = label.trim();
  if (!name || !hasProvisionalId(state))
    return { ...updateState(spec, id, { label: name || undefined }), id };
  const taken = collectIds(spec);
  taken.delete(id);
  const newId = idFromName(name, taken);
  return { ...updateState(spec, id, { label: name, id: newId }), id: newId };
}
