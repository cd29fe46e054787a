import { describe, expect, it } from 'vitest';
import { anyStateFlow } from '../../test/anyStateSpec.ts';
import { definitionOf, MachineWalk } from '../../test/machineWalk.ts';
import { parseSpec } from '../model/index.ts';
import { compile, diff } from './index.ts';

const recruiter = { id: 'rita', role: 'recruiter' };
const codes = (spec: unknown) => compile(spec).diagnostics.map((d) => `${d.code} ${d.path}`);

describe('transitions from any state', () => {
  const definition = definitionOf(anyStateFlow());

  it('compiles them once, to the root `on`, after the built-in context update', () => {
    expect(Object.keys(definition.on ?? {}).sort()).toEqual(['REJECT', 'UPDATE_CONTEXT', 'WITHDRAW']);
    expect(definition.on?.WITHDRAW).toEqual([{ actions: [], target: '#withdrawn' }]);
    expect(definition.states?.screen?.on).toMatchObject({ ADVANCE: expect.any(Array) });
    expect(definition.states?.screen?.on?.WITHDRAW).toBeUndefined();
  });

  it('lists them in the engine metadata of the root, so refusals are explained', () => {
    expect(definition.meta.hireflow.transitions['']?.map((t) => t.id)).toEqual([
      'update-context',
      'any-reject',
      'any-withdraw',
    ]);
    expect(definition.meta.hireflow.transitions['']?.[1]).toMatchObject({
      event: 'REJECT',
      target: 'rejected',
      requiresNote: true,
      allowedRoles: ['recruiter', 'hiring_manager'],
    });
  });

  it('leaves the current state from anywhere and cancels its timers', () => {
    const walk = new MachineWalk(definition);
    expect(walk.actions.some((a) => a.type === 'xstate.raise')).toBe(true);
    walk.send('WITHDRAW', { actor: recruiter });
    expect(walk.active).toEqual(['withdrawn']);
    expect(walk.done).toBe(true);
    expect(walk.actions.filter((a) => a.type === 'xstate.cancel').map((a) => a.params?.sendId)).toEqual([
      expect.stringContaining('timer:screen:remind'),
    ]);
  });

  it('leaves an approval chain from its current step', () => {
    const walk = new MachineWalk(definition).send('ADVANCE').send('ADVANCE');
    expect(walk.active).toEqual(['offer_approval', 'offer_approval:hm']);
    expect(walk.send('REJECT', { actor: recruiter }).active).toEqual(['rejected']);
  });

  it("lets a state's own transition on the same event win", () => {
    const walk = new MachineWalk(definition).send('ADVANCE');
    expect(walk.active).toEqual(['interviews']);
    // Both go to rejected; the state's own is the one the engine's pre-check picks first.
    expect(definition.meta.hireflow.transitions.interviews?.map((t) => t.id)).toContain('interviews-reject');
    expect(walk.send('REJECT', { actor: recruiter }).active).toEqual(['rejected']);
  });

  it('counts their targets as reachable (no unreachable outcome)', () => {
    expect(codes(anyStateFlow())).toEqual([]);
  });

  it('reports an unknown target, a duplicate id, a built-in event and two unguarded on one event', () => {
    const spec = anyStateFlow();
    spec.anyState = [
      { id: 'screen-advance', event: 'WITHDRAW', target: 'nowhere' },
      { id: 'w2', event: 'WITHDRAW', target: 'withdrawn' },
      { id: 'ctx', event: 'UPDATE_CONTEXT', target: 'withdrawn' },
    ];
    expect(codes(spec)).toEqual(
      expect.arrayContaining([
        'DUPLICATE_ID anyState[0]',
        'UNKNOWN_TARGET anyState[0].target',
        'AMBIGUOUS_TRANSITION anyState[1]',
        'RESERVED_EVENT anyState[2].event',
      ]),
    );
  });

  it('checks their conditions like any other', () => {
    const spec = anyStateFlow();
    spec.anyState = [{ id: 'odd', event: 'WITHDRAW', target: 'withdrawn', guard: 'nope +' }];
    expect(codes(spec)).toContain('GUARD_SYNTAX anyState[0].guard');
  });

  it('keeps the hash of a spec that does not use them', () => {
    const { anyState: _omit, ...without } = anyStateFlow();
    const spec = { ...without, states: without.states };
    expect(compile(spec).spec).not.toHaveProperty('anyState');
  });

  it('shows up in a version diff as a transition from any state, not as a settings change', () => {
    const parse = (input: unknown) => {
      const parsed = parseSpec(input);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      return parsed.spec;
    };
    const before = parse(anyStateFlow());
    const after = parse({ ...anyStateFlow(), anyState: anyStateFlow().anyState?.slice(0, 1) });
    expect(diff(before, after).entries).toEqual([
      expect.objectContaining({
        kind: 'transition',
        change: 'removed',
        id: 'any-withdraw',
        stateId: undefined,
        summary: 'Transition WITHDRAW from any state to withdrawn removed',
      }),
    ]);
  });
});
