import {
  createHireflowMachine,
  type HireflowEvent,
  type MachineDefinition,
  type StateNodeJson,
  setPath,
} from '@hireflow/runtime/compiler';
import { getShortestPaths } from 'xstate/graph';

/**
 * Test helper: explores a compiled template with xstate's own graph traversal, to prove that the
 * states TA ops drew can really be reached by events (not only on the drawing).
 */

/** One fixed clock for every event, so approval records and `setField now` stay deterministic. */
const AT = '2026-03-02T10:00:00.000Z';

/** Every event type the definition listens to, including the timer events of `after` entries. */
function eventTypes(node: StateNodeJson, out = new Set<string>()): Set<string> {
  for (const type of Object.keys(node.on ?? {})) out.add(type);
  for (const delay of Object.keys(node.after ?? {})) out.add(`xstate.after.${delay}.${node.id}`);
  for (const child of Object.values(node.states ?? {})) eventTypes(child, out);
  return out;
}

/** Approve (by two distinct people for quorum steps) or reject each step, as an eligible approver. */
function approvalDecisions(definition: MachineDefinition): HireflowEvent[] {
  return Object.values(definition.meta.hireflow.approvals).flatMap((approval) =>
    approval.steps.flatMap((step) =>
      step.approvers.flatMap((approver) => {
        const role = 'role' in approver ? approver.role : 'approver';
        const id = 'user' in approver ? approver.user : `${role}-1`;
        const decide = (actorId: string, decision: string): HireflowEvent => ({
          type: 'APPROVAL.DECIDE',
          at: AT,
          actor: { id: actorId, role },
          payload: { stepId: step.id, decision },
        });
        const second = step.mode === 'quorum' ? [decide(`${role}-2`, 'approve')] : [];
        return [decide(id, 'approve'), ...second, decide(id, 'reject')];
      }),
    ),
  );
}

/**
 * The events to try: every event the machine knows (plain, at a fixed time), approval decisions,
 * and `UPDATE_CONTEXT` with each what-if patch (the data changes that flip guards).
 */
export function eventsFor(definition: MachineDefinition, whatIf: Record<string, unknown>[]): HireflowEvent[] {
  const admin = { id: 'ops-1', role: 'admin' };
  return [...eventTypes(definition as unknown as StateNodeJson)].flatMap((type): HireflowEvent[] => {
    if (type === 'APPROVAL.DECIDE') return approvalDecisions(definition);
    if (type === 'UPDATE_CONTEXT')
      return whatIf.map((patch) => ({ type, at: AT, actor: admin, payload: { patch } }));
    // Delegation and admin override are the engine's business; the steps are reached by decisions.
    if (type === 'APPROVAL.DELEGATE' || type === 'APPROVAL.OVERRIDE') return [];
    return [{ type, at: AT, actor: admin }];
  });
}

/** Ids of every state node a snapshot value names (states, approval steps, tracks). */
function namesIn(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      out.add(key);
      namesIn(child, out);
    }
  }
}

/**
 * State ids in which an instance can come to rest, over shortest paths from the default start. When
 * the workflow branches right at the start (its initial state is a decision), also from starts whose
 * data matches each what-if patch: no event can change the data before that first decision.
 */
export function restingStates(definition: MachineDefinition, whatIf: Record<string, unknown>[]): Set<string> {
  const machine = createHireflowMachine(definition);
  const events = eventsFor(definition, whatIf);
  const root = definition as unknown as StateNodeJson;
  const branchesAtStart = root.initial !== undefined && root.states?.[root.initial]?.always !== undefined;
  const starts = [{}, ...(branchesAtStart ? whatIf : [])].map((patch) =>
    Object.entries(patch).reduce<Record<string, unknown>>(
      (ctx, [path, value]) => setPath(ctx, path, value),
      {},
    ),
  );
  // Offer decisions only on the step that is open, so the walk does not try every refused decision.
  const enabled = (snapshot: { value: unknown }) => {
    const active = new Set<string>();
    namesIn(snapshot.value, active);
    return events.filter((event) => {
      const stepId = event.type === 'APPROVAL.DECIDE' ? event.payload?.stepId : undefined;
      return typeof stepId !== 'string' || active.has(stepId);
    });
  };
  const seen = new Set<string>();
  for (const context of starts) {
    for (const path of getShortestPaths(machine, { events: enabled, input: { context } })) {
      namesIn(path.state.value, seen);
    }
  }
  return seen;
}
