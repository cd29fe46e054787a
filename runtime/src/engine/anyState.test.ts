import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anyStateFlow } from '../../test/anyStateSpec.ts';
import { actors, createHarness, type Harness } from '../../test/engineHarness.ts';
import { listTimers } from '../store/index.ts';

let h: Harness;
beforeEach(() => {
  h = createHarness(anyStateFlow() as Record<string, unknown>);
});
afterEach(() => h.close());

const start = () => {
  const result = h.engine.start({
    workflowId: 'any-state-flow',
    businessUnit: 'engineering',
    subject: { kind: 'candidate' },
    context: {},
    actor: actors.recruiter,
  });
  if (!result.ok) throw new Error(result.message);
  return result.instanceId;
};

describe('engine: transitions from any state', () => {
  it('offers them among the possible events and explains a missing note', () => {
    const id = start();
    const refused = h.engine.send(id, { type: 'NOPE' }, { actor: actors.recruiter });
    expect(refused).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED' });
    expect(refused.ok ? '' : refused.message).toMatch(/ADVANCE, REJECT, WITHDRAW/);
    expect(h.engine.send(id, { type: 'REJECT' }, { actor: actors.recruiter })).toMatchObject({
      ok: false,
      code: 'NOTE_REQUIRED',
    });
  });

  it('refuses a role the workflow-level transition does not allow', () => {
    const id = start();
    expect(h.engine.send(id, { type: 'REJECT' }, { actor: actors.finance, note: 'no' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('moves to the outcome and cancels the timers of the state it left', () => {
    const id = start();
    expect(listTimers(h.db, id).filter((t) => t.status === 'armed')).toHaveLength(1);
    expect(h.engine.send(id, { type: 'REJECT' }, { actor: actors.manager, note: 'Not a fit' })).toMatchObject(
      { ok: true, to: ['rejected'] },
    );
    expect(listTimers(h.db, id).filter((t) => t.status === 'armed')).toHaveLength(0);
  });
});
