import { type HireflowEvent, stepRecord } from '@hireflow/runtime/compiler';
import { explainEvent } from '@hireflow/runtime/step';
import { activeStateIds, type Simulation } from './simulator.ts';

/** One person who may act on an approval step in the simulation. */
export interface ApproverChoice {
  key: string;
  /** "hrbp (person 2)", "user ann", "sim:delegate:1 for hrbp". */
  label: string;
  actor: { id: string; role: string };
  /** Null when the engine would accept the decision now; else its reason. */
  blockedBy: string | null;
}

/** An active approval step with who may decide it. */
export interface StepChoices {
  stateId: string;
  stepId: string;
  label: string;
  /** "any one approver", "every approver", "2 of 3 approvals so far: 1". */
  rule: string;
  allowDelegation: boolean;
  approvers: ApproverChoice[];
}

/**
 * For each active approval step, the people who may decide it: the next person of each approver role
 * (so repeated decisions by a role count as different people, as a quorum needs), named users, and
 * delegates; each with the engine's verdict on an approval by them.
 */
export function approvalChoices(sim: Simulation): StepChoices[] {
  const approvals = sim.definition.meta.hireflow.approvals;
  const context = sim.snapshot.context;
  return activeStateIds(sim).flatMap((nodeId) => {
    const [stateId, stepId] = nodeId.split(':');
    const chain = stateId ? approvals[stateId] : undefined;
    const step = chain?.steps.find((s) => s.id === stepId);
    if (!chain || !step || !stateId || !stepId) return [];
    const record = stepRecord(context, { state: stateId, step: stepId });
    const acted = (role: string) =>
      record.decisions.filter((d) => (d.onBehalfOf?.role ?? d.role) === role).length +
      record.delegations.filter((d) => d.from.role === role).length;
    const people = step.approvers.map((entry) =>
      'role' in entry
        ? {
            label: `${entry.role} (person ${acted(entry.role) + 1})`,
            actor: { id: `sim:${entry.role}:${acted(entry.role) + 1}`, role: entry.role },
          }
        : { label: `user ${entry.user}`, actor: { id: entry.user, role: 'approver' } },
    );
    const delegates = record.delegations.map((d) => ({
      label: `${d.to} for ${d.from.role}`,
      actor: { id: d.to, role: 'delegate' },
    }));
    const approved = new Set(record.decisions.filter((d) => d.decision === 'approve').map((d) => d.actorId));
    const rule =
      step.mode === 'any'
        ? 'any one approver decides'
        : step.mode === 'all'
          ? 'every approver must approve'
          : `${step.quorum ?? 1} approvals needed, ${approved.size} so far`;
    return [
      {
        stateId,
        stepId,
        label: step.label ?? stepId,
        rule,
        allowDelegation: chain.allowDelegation,
        approvers: [...people, ...delegates].map((p, i) => ({
          key: `${p.actor.id}-${i}`,
          ...p,
          blockedBy: verdict(sim, {
            type: 'APPROVAL.DECIDE',
            actor: p.actor,
            payload: { stepId, decision: 'approve' },
          }),
        })),
      },
    ];
  });
}

function verdict(sim: Simulation, event: HireflowEvent): string | null {
  const at = new Date(sim.now).toISOString();
  const result = explainEvent(
    sim.definition,
    sim.snapshot.value,
    sim.snapshot.context,
    { ...event, at },
    undefined,
  );
  return result.ok ? null : result.message;
}
