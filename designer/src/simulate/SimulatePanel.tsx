import { createBusinessCalendar } from '@hireflow/runtime/calendar';
import type { HireflowEvent, MachineDefinition } from '@hireflow/runtime/compiler';
import { SYSTEM_ROLES } from '@hireflow/runtime/model';
import { useEffect, useState } from 'react';
import type { FlowMarks } from '../flow/markFlow.ts';
import { SimApprovals } from './SimApprovals.tsx';
import { SimLog } from './SimLog.tsx';
import {
  activeStateIds,
  advanceClock,
  candidateEvents,
  currentStates,
  type Simulation,
  sendEvent,
  startSimulation,
} from './simulator.ts';

/** The note the simulator writes when a transition needs one (the engine refuses without). */
const SIMULATED_NOTE = 'Simulated';

/**
 * Runs the draft in the browser on the engine's own pure step: active states highlighted on the
 * canvas, one button per drawn transition that fires exactly that transition (or says why not),
 * approvals decided as each eligible person, a business-time clock, and a log in words.
 */
export function SimulatePanel(props: { definition: unknown; setMarks: (marks: FlowMarks) => void }) {
  const definition = props.definition as MachineDefinition | null;
  const [contextText, setContextText] = useState('{}');
  const [contextError, setContextError] = useState<string | null>(null);
  const [role, setRole] = useState<string>('recruiter');
  const [sim, setSim] = useState<Simulation | null>(null);
  const { setMarks } = props;

  useEffect(() => {
    const active = sim ? activeStateIds(sim) : [];
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
  const actor = { id: `sim:${role}`, role };
  const send = (event: HireflowEvent, note?: string) => sim && setSim(sendEvent(sim, event, note));
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
  const candidates = sim ? candidateEvents(sim, actor, SIMULATED_NOTE) : [];
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
            <strong>In:</strong> {currentStates(sim).join(', ')}
          </p>
          <div className="hf-sim-events">
            {candidates.map(({ stateId, transition, blockedBy }) => (
              <span key={`${stateId}-${transition.id}`} className="hf-sim-event">
                <button
                  type="button"
                  className="hf-button"
                  disabled={blockedBy !== null}
                  title={blockedBy ?? `→ ${transition.target ?? stateId}`}
                  aria-describedby={blockedBy ? `hf-sim-why-${transition.id}` : undefined}
                  onClick={() =>
                    send(
                      { type: transition.event, actor },
                      transition.requiresNote ? SIMULATED_NOTE : undefined,
                    )
                  }
                  data-testid={`sim-transition-${transition.id}`}
                  data-event={transition.event}
                >
                  {transition.event} → {transition.target ?? stateId}
                </button>
                {blockedBy && (
                  <span id={`hf-sim-why-${transition.id}`} className="hf-muted hf-sim-why">
                    {blockedBy}
                  </span>
                )}
              </span>
            ))}
          </div>
          <SimApprovals sim={sim} send={send} />
          {sim.timers.length > 0 && (
            <p className="hf-muted" data-testid="sim-timers">
              Next timer: {new Date(sim.timers[0]?.dueAt ?? 0).toUTCString()} ({sim.timers.length} armed)
            </p>
          )}
          <SimLog log={sim.log} />
        </>
      )}
    </section>
  );
}
