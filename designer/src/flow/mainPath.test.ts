import { describe, expect, it } from 'vitest';
import { sampleSpec } from '../spec/sampleSpec.ts';
import { stateName, stateOptions } from '../spec/stateOptions.ts';
import { mainPath } from './mainPath.ts';

describe('mainPath', () => {
  it('follows the first way forward from the start up to an outcome', () => {
    expect(mainPath(sampleSpec())).toEqual(['screen', 'route', 'offer_approval', 'checks', 'hired']);
  });

  it('prefers a stage over an outcome and skips regressions', () => {
    const spec = sampleSpec();
    const screen = spec.states[0];
    if (screen?.kind !== 'milestone') throw new Error('sample changed');
    screen.on = [
      { id: 'drop', event: 'REJECT', target: 'rejected', actions: [], requiresNote: false, allowedRoles: [] },
      ...screen.on,
    ];
    expect(mainPath(spec).slice(0, 2)).toEqual(['screen', 'route']);
  });
});

describe('stateName', () => {
  it('names states and the approval steps the engine reports', () => {
    expect(stateName(sampleSpec(), 'screen')).toBe('Screen');
    expect(stateName(sampleSpec(), 'offer_approval:hm')).toBe('offer_approval, step hm');
    expect(stateName(undefined, 'screen')).toBe('screen');
  });
});

describe('stateOptions', () => {
  it('lists states by name, with the id only where names repeat', () => {
    const spec = sampleSpec();
    const options = stateOptions(spec);
    expect(options.find((o) => o.value === 'screen')).toEqual({ value: 'screen', label: 'Screen' });
    const twin = {
      ...spec,
      states: spec.states.map((s) => (s.id === 'route' ? { ...s, label: 'Screen' } : s)),
    };
    expect(stateOptions(twin).find((o) => o.value === 'route')?.label).toBe('Screen (route)');
  });
});
