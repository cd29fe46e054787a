import { createBusinessCalendar } from '@hireflow/runtime/calendar';
import type { MachineDefinition } from '@hireflow/runtime/compiler';
import { SYSTEM_ROLES } from '@hireflow/runtime/model';
import { useEffect, useState } from 'react';
import type { FlowMarks } from '../flow/markFlow.ts';
import {
  activeStateIds,
  advanceClock,
  candidateEvents,
  canSend,
  type Simulation,
  sendEvent,
  startSimulation,
} from './simulator.ts';

/** Reserved events handled by their own controls, not as plain buttons. */
const SPECIAL = new Set(['UPDATE_CONTEXT', 'APPROVAL.DECIDE', 'APPROVAL.DELEGATE', 'APPROVAL.OVERRIDE']);

/**
 * Runs the draft in the browser with the same compiler and stock xstate: active states highlighted on
 * the canvas, event buttons with the guard's verdict, approvals as any role, a business-time clock.
 */
export function SimulatePanel(props: { definition: unknown; setMarks: (marks: FlowMarks) => void }) {
  const definition = props.definition as MachineDefinition | null;
  const [contextText, setContextText] = useState('{}');
  const [contextError, setContextError] = useState<string | null>(null);
  const [role, setRole] = useState<string>('recruiter');
  const [sim, setSim] = useState<Simulation | null>(null);
  const { setMarks } = props;

  useEffect(() => {
    const active = sim ? activeStateIds(sim.snapshot.value) : [];
    setMarks({ nodes: new Map(active.map((id) => [id, 'active' as const])), edges: new Map() });
  }, [sim, setMarks]);
  useEffect(() => () => setMarks({ nodes: new Map(), edges: new Map() }), [setMarks]);

  if (!definition)
    return (
      <p className="hf-muted">Fix the problems first: only a workflow without errors can be simulated.</p>
    );

  const start = () => {
    try {
      const context = JSON.parse(contextText) as Record<string, unknown>;
      setContextError(null);
      setSim(startSimulation(definition, context, Date.now()));
    } catch (error) {
      setContextError(`Context is not valid JSON: ${(error as Error).message}`);
    }
  };
  const actor = { id: `simulator-${role}`, role };
  const send = (type: string, payload?: Record<string, unknown>) =>
    sim && setSim(sendEvent(sim, { type, actor, ...(payload ? { payload } : {}) }));
  const plusOneBusinessDay = () => {
    if (!sim) return;
    const calendar = createBusinessCalendar(definition.meta.hireflow.calendar);
    setSim(
      advanceClock(
        sim,
        calendar.addDuration(new Date(sim.now), { amount: 1, unit: 'businessDays' }).getTime(),
      ),
    );
  };
  const candidates = sim ? candidateEvents(sim).filter((c) => !SPECIAL.has(c.transition.event)) : [];
  const approvalSteps = sim ? activeStateIds(sim.snapshot.value).filter((id) => id.includes(':')) : [];
  const done = sim?.snapshot.status === 'done';

  return (
    <section className="hf-simulate" data-testid="simulate-panel" aria-label="Simulate">
      <div className="hf-field">
        <label htmlFor="hf-sim-context">Context (JSON) to try guard cases</label>
        <textarea
          id="hf-sim-context"
          rows={3}
          value={contextText}
          data-testid="sim-context"
          onChange={(e) => setContextText(e.target.value)}
        />
        {contextError && <p className="hf-field__error">{contextError}</p>}
      </div>
      <div className="hf-row">
        <button
          type="button"
          className="hf-button hf-button--primary"
          onClick={start}
          data-testid="sim-start"
        >
          {sim ? 'Restart' : 'Start'}
        </button>
        <button
          type="button"
          className="hf-button"
          onClick={plusOneBusinessDay}
          disabled={!sim || done}
          data-testid="sim-plus-day"
        >
          +1 business day
        </button>
        <label className="hf-check">
          Act as
          <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="sim-role">
            {SYSTEM_ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
      </div>
      {sim && (
        <>
          <p data-testid="sim-clock">
            <strong>Now:</strong> {new Date(sim.now).toUTCString()}{' '}
            {done && <span className="hf-badge">finished</span>}
          </p>
          <p data-testid="sim-active">
            <strong>In:</strong> {activeStateIds(sim.snapshot.value).join(' › ')}
          </p>
          <div className="hf-sim-events">
            {candidates.map(({ stateId, transition }) => {
              const ok = canSend(sim, { type: transition.event, actor });
              return (
                <button
                  key={`${stateId}-${transition.id}`}
                  type="button"
                  className="hf-button"
                  disabled={!ok}
                  title={
                    ok
                      ? `→ ${transition.target ?? stateId}`
                      : transition.guard
                        ? 'Its condition is false for this context'
                        : 'Not allowed now'
                  }
                  onClick={() => send(transition.event)}
                  data-testid={`sim-event-${transition.event}`}
                >
                  {transition.event} {!ok && transition.guard ? '(condition false)' : ''}
                </button>
              );
            })}
            {approvalSteps.map((id) => {
              const stepId = id.split(':')[1] ?? '';
              return (
                <span key={id} className="hf-row">
                  <span className="hf-muted">{id}</span>
                  <button
                    type="button"
                    className="hf-button"
                    onClick={() => send('APPROVAL.DECIDE', { stepId, decision: 'approve' })}
                    data-testid="sim-approve"
                  >
                    Approve
                  </button>
                  <button
                    type="button"
                    className="hf-button hf-button--danger"
                    onClick={() => send('APPROVAL.DECIDE', { stepId, decision: 'reject' })}
                    data-testid="sim-reject"
                  >
                    Reject
                  </button>
                </span>
              );
            })}
          </div>
          {sim.timers.length > 0 && (
            <p className="hf-muted" data-testid="sim-timers">
              Next timer: {new Date(sim.timers[0]?.dueAt ?? 0).toUTCString()} ({sim.timers.length} armed)
            </p>
          )}
          <ol className="hf-sim-log" data-testid="sim-log">
            {sim.log.map((step) => (
              <li key={step.seq} className={step.event.startsWith('xstate.after') ? 'is-escalation' : ''}>
                <time>{step.at.slice(0, 16).replace('T', ' ')}</time>{' '}
                <strong>
                  {step.event.startsWith('xstate.after') ? `timer ${step.event.split('.')[2]}` : step.event}
                </strong>{' '}
                {step.from.join('/')} → {step.to.join('/')}
                {step.effects.length > 0 && <span className="hf-muted"> ({step.effects.join(', ')})</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
