import { listStates, type WorkflowSpec } from '@hireflow/runtime/model';

/** A state as a person picks it in a list: by its name, the id only to tell equal names apart. */
export interface StateOption {
  value: string;
  label: string;
}

/** Every state of the spec (nested ones included) as options named like the canvas names them. */
export function stateOptions(spec: Pick<WorkflowSpec, 'states'>): StateOption[] {
  const states = listStates(spec).map((l) => ({ id: l.state.id, name: l.state.label ?? l.state.id }));
  const counts = new Map<string, number>();
  for (const s of states) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  return states.map((s) => ({
    value: s.id,
    label: (counts.get(s.name) ?? 0) > 1 ? `${s.name} (${s.id})` : s.name,
  }));
}

/**
 * The name of a state id in this spec, or the id itself when the spec does not know it. Approval
 * steps (`offer_approval:hm`, as the engine reports them) read "Offer approval, step hm".
 */
export function stateName(spec: Pick<WorkflowSpec, 'states'> | undefined, id: string): string {
  if (!spec) return id;
  const [stateId = id, stepId] = id.split(':');
  const state = listStates(spec).find((l) => l.state.id === stateId)?.state;
  const name = state?.label ?? stateId;
  if (stepId === undefined) return name;
  const step = state?.kind === 'approval' ? state.approval.steps.find((s) => s.id === stepId) : undefined;
  return `${name}, step ${step?.label ?? stepId.replaceAll('_', ' ')}`;
}
