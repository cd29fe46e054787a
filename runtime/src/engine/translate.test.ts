import { describe, expect, it } from 'vitest';
import { SAMPLE_SPEC } from '../../test/engineHarness.ts';
import { compile } from '../compiler/index.ts';
import { translateActions } from './translate.ts';

const { definition } = compile(SAMPLE_SPEC);
if (!definition) throw new Error('the sample spec does not compile');

const REMIND = 'xstate.after.timer:screen:remind.screen';
const arm = {
  type: 'xstate.raise',
  params: { id: REMIND, delay: 'timer:screen:remind', event: { type: REMIND } },
};
const cancel = { type: 'xstate.cancel', params: { sendId: REMIND } };
const at = new Date('2026-03-02T10:00:00Z');

describe('translateActions', () => {
  it('drops a timer armed and canceled in the same step (a state entered and left at once)', () => {
    const out = translateActions(definition, [arm, cancel], {}, at);
    expect(out.arm).toEqual([]);
    expect(out.cancel).toEqual([REMIND]);
  });

  it('keeps a timer canceled then armed again (a state left and re-entered)', () => {
    const out = translateActions(definition, [cancel, arm], {}, at);
    expect(out.arm.map((t) => t.sendId)).toEqual([REMIND]);
    expect(out.cancel).toEqual([REMIND]);
  });
});
