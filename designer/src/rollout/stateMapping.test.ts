import { parseSpec, type WorkflowSpec } from '@hireflow/runtime/model';
import { describe, expect, it } from 'vitest';
import { autoMap, toStateMap } from './stateMapping.ts';

function spec(ids: string[]): WorkflowSpec {
  const result = parseSpec({
    schemaVersion: 2,
    id: 'hiring',
    name: 'Hiring',
    initial: ids[0],
    states: ids.map((id, n) =>
      n === ids.length - 1
        ? { id, kind: 'final', outcome: 'hired' }
        : { id, kind: 'milestone', on: [{ id: `advance-${id}`, event: 'ADVANCE', target: ids[n + 1] }] },
    ),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.spec;
}

describe('the migration mapping table', () => {
  const v1 = spec(['applied', 'recruiter_screen', 'hired']);
  const v2 = spec(['applied', 'phone_screen', 'hired']);

  it('maps states with the same id and leaves the others for the user to pick', () => {
    expect(autoMap(v1, v2)).toEqual({ applied: 'applied', recruiter_screen: null, hired: 'hired' });
  });

  it('keeps picks that exist in the target and drops the ones that do not', () => {
    expect(autoMap(v1, v2, { recruiter_screen: 'phone_screen' }).recruiter_screen).toBe('phone_screen');
    expect(autoMap(v1, v2, { recruiter_screen: 'gone' }).recruiter_screen).toBeNull();
  });

  it('sends the server only the states that do not map by id', () => {
    expect(toStateMap({ applied: 'applied', recruiter_screen: 'phone_screen', offer: null })).toEqual({
      recruiter_screen: 'phone_screen',
    });
  });
});
