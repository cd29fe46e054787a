import type { Engine } from '../runtime.ts';
import type { ServerMetrics } from './metrics.ts';

/**
 * The same engine, with every `start` and `send` timed and counted. Wrapping at the edge keeps the
 * runtime free of metrics; the group committer and the scheduler call `send` on this object, so their
 * steps are measured too.
 */
export function instrumentEngine(engine: Engine, metrics: ServerMetrics): Engine {
  const measure = <R extends { ok: boolean }>(operation: 'start' | 'send', run: () => R): R => {
    const end = metrics.stepDuration.startTimer({ operation });
    let outcome = 'error';
    try {
      const result = run();
      outcome = result.ok ? 'ok' : 'refused';
      return result;
    } finally {
      end({ outcome });
      metrics.engineEvents.inc({ operation, outcome });
    }
  };
  // Spread: whatever else the engine offers passes through untouched.
  return {
    ...engine,
    start: (input) => measure('start', () => engine.start(input)),
    send: (instanceId, event, options) => measure('send', () => engine.send(instanceId, event, options)),
  };
}
