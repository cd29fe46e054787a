import { describe, expect, it } from 'vitest';
import { toStateIds } from './stateIds.ts';

describe('toStateIds', () => {
  it('reads a plain state, nothing, and arrays as they are', () => {
    expect(toStateIds('offer')).toEqual(['offer']);
    expect(toStateIds(null)).toEqual([]);
    expect(toStateIds(['applied', 'screen'])).toEqual(['applied', 'screen']);
  });

  it('flattens a parallel state value, outer state first', () => {
    expect(toStateIds({ checks: { bg: 'bg_run', refs: 'refs_done' } })).toEqual([
      'checks',
      'bg',
      'bg_run',
      'refs',
      'refs_done',
    ]);
  });
});
