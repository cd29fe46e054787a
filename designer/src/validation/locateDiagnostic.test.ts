import { describe, expect, it } from 'vitest';
import { sampleSpec } from '../spec/sampleSpec.ts';
import { locateDiagnostic } from './locateDiagnostic.ts';

describe('locateDiagnostic', () => {
  const spec = sampleSpec();
  const at = (path: string) => locateDiagnostic(spec, { path });

  it('finds the transition, branch or SLA edge a path points into', () => {
    expect(at('states[0].on[0].guard')).toEqual({ nodeId: 'screen', edgeId: 'screen_pass' });
    expect(at('states[1].branches[0].guard')).toEqual({ nodeId: 'route', edgeId: 'route_big' });
    expect(at('states[0].timers[1].after')).toEqual({ nodeId: 'screen', edgeId: 'screen:timer:escalate' });
    expect(at('states[0].timers[0].after')).toEqual({ nodeId: 'screen', edgeId: undefined });
  });

  it('walks into parallel tracks and onto outcome edges', () => {
    expect(at('states[3].regions[1].states[0].on[0]')).toEqual({ nodeId: 'refs_run', edgeId: 'refs_ok' });
    expect(at('states[2].approval.onRejected')).toEqual({
      nodeId: 'offer_approval',
      edgeId: 'offer_approval:rejected',
    });
    expect(at('states[3].onDone')).toEqual({ nodeId: 'checks', edgeId: 'checks:done' });
  });

  it('prefers the ids the compiler gives, and finds nothing for workflow-level paths', () => {
    expect(locateDiagnostic(spec, { path: 'states[0]', stateId: 'hired' }).nodeId).toBe('hired');
    expect(at('name')).toEqual({});
  });
});
