import { describeEffect } from './describeEffect.ts';
import type { SimStep } from './simulator.ts';

const eventName = (step: SimStep) =>
  step.event.startsWith('xstate.after') ? `timer ${step.event.split('.')[2] ?? ''}` : step.event;

/** The simulation's history: each event with who sent it, where it went, and who was notified, in words. */
export function SimLog(props: { log: SimStep[] }) {
  return (
    <ol className="hf-sim-log" data-testid="sim-log">
      {props.log.map((step) => (
        <li
          key={step.seq}
          className={
            step.refusal ? 'is-refused' : step.event.startsWith('xstate.after') ? 'is-escalation' : ''
          }
        >
          <time>{step.at.slice(0, 16).replace('T', ' ')}</time> <strong>{eventName(step)}</strong>
          {step.actor && <span className="hf-muted"> by {step.actor.id}</span>}{' '}
          {step.refusal ? (
            <span className="hf-field__error">refused: {step.refusal.message}</span>
          ) : (
            <>
              {step.from.join(' / ') || '—'} → {step.to.join(' / ')}
            </>
          )}
          {step.effects.length > 0 && (
            <ul className="hf-sim-effects">
              {step.effects.map((effect, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: effects of one step never reorder
                <li key={i}>{describeEffect(effect)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
