import type { HireflowEvent } from '@hireflow/runtime/compiler';
import { approvalChoices } from './approvalChoices.ts';
import type { Simulation } from './simulator.ts';

/** Approve / Reject (and Delegate) buttons for each person who may decide each active approval step. */
export function SimApprovals(props: {
  sim: Simulation;
  send: (event: HireflowEvent, note?: string) => void;
}) {
  const { sim, send } = props;
  const steps = approvalChoices(sim);
  if (steps.length === 0) return null;
  // A fresh person each time: the log only grows, so its length names a new delegate.
  const delegateTo = `sim:delegate:${sim.log.length}`;
  return (
    <div className="hf-sim-approvals" data-testid="sim-approvals">
      {steps.map((step) => (
        <fieldset key={`${step.stateId}:${step.stepId}`} className="hf-sim-approval">
          <legend>
            Approval: {step.label} <span className="hf-muted">({step.rule})</span>
          </legend>
          {step.approvers.map((person) => {
            const decide = (decision: 'approve' | 'reject') =>
              send(
                { type: 'APPROVAL.DECIDE', actor: person.actor, payload: { stepId: step.stepId, decision } },
                decision === 'reject' ? 'Rejected in the simulator' : undefined,
              );
            const reason = person.blockedBy ?? undefined;
            return (
              <div key={person.key} className="hf-row" data-testid={`sim-approver-${person.actor.id}`}>
                <span>As {person.label}</span>
                <button
                  type="button"
                  className="hf-button"
                  disabled={person.blockedBy !== null}
                  title={reason}
                  onClick={() => decide('approve')}
                  data-testid="sim-approve"
                >
                  Approve
                </button>
                <button
                  type="button"
                  className="hf-button hf-button--danger"
                  disabled={person.blockedBy !== null}
                  title={reason}
                  onClick={() => decide('reject')}
                  data-testid="sim-reject"
                >
                  Reject
                </button>
                {step.allowDelegation && (
                  <button
                    type="button"
                    className="hf-button"
                    disabled={person.blockedBy !== null}
                    title={reason ?? `Delegate to ${delegateTo}`}
                    onClick={() =>
                      send({
                        type: 'APPROVAL.DELEGATE',
                        actor: person.actor,
                        payload: { stepId: step.stepId, to: delegateTo },
                      })
                    }
                    data-testid="sim-delegate"
                  >
                    Delegate
                  </button>
                )}
                {person.blockedBy && <span className="hf-muted">{person.blockedBy}</span>}
              </div>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
