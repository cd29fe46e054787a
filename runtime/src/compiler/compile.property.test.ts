import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import type { StateInput } from '../../test/specs.ts';
import { compile, createHireflowMachine, type HireflowEvent } from './index.ts';

/** The small typed context the generated guards read. */
const context = {
  level: { type: 'int' },
  'candidate.source': { type: 'string' },
  urgent: { type: 'bool' },
} as const;
const GUARDS = ['level > 3', 'candidate.source == "referral"', 'urgent', '!urgent && level <= 2'];
const EVENTS = ['ADVANCE', 'REJECT', 'HOLD', 'RESUME', 'ESCALATE', 'WITHDRAW'];
const at = '2026-03-02T15:00:00.000Z';
/** Who decides on generated approval gates: two approvers by role, one of them also named. */
const DECISIONS = [
  ['ann', 'approver', 'approve'],
  ['bob', 'approver', 'approve'],
  ['ann', 'approver', 'reject'],
] as const;

/**
 * Random valid specs: a chain of milestones (each has an unguarded ADVANCE to the next one, the last
 * to a final, so every state can finish), extra transitions on distinct events with optional guards to
 * any state, optional timers, finals, optionally a decision in front that branches into the chain, and
 * optionally an approval gate (any / all / quorum) after one milestone of the chain.
 */
const specArbitrary = fc
  .record({ milestones: fc.integer({ min: 1, max: 7 }), finals: fc.integer({ min: 1, max: 3 }) })
  .chain(({ milestones, finals }) => {
    const chain = Array.from({ length: milestones }, (_, i) => `m${i}`);
    const ends = Array.from({ length: finals }, (_, i) => `f${i}`);
    const target = fc.constantFrom(...chain, ...ends);
    const guard = fc.option(fc.constantFrom(...GUARDS), { nil: undefined });
    const extra = fc.uniqueArray(fc.record({ event: fc.constantFrom(...EVENTS.slice(1)), target, guard }), {
      selector: (t) => t.event,
      maxLength: 3,
    });
    const timer = fc.option(
      fc.record({ amount: fc.integer({ min: 1, max: 10 }), target: fc.option(target, { nil: undefined }) }),
      { nil: undefined },
    );
    const branches = fc.option(
      // Distinct conditions: a branch repeating an earlier one's condition is TRANSITION_SHADOWED.
      fc.uniqueArray(fc.record({ target: fc.constantFrom(...chain), guard: fc.constantFrom(...GUARDS) }), {
        selector: (b) => b.guard,
        maxLength: 3,
      }),
      { nil: undefined },
    );
    const gate = fc.option(
      fc.record({
        after: fc.integer({ min: 0, max: milestones - 1 }),
        mode: fc.constantFrom('any', 'all', 'quorum'),
        onRejected: target,
      }),
      { nil: undefined },
    );
    return fc
      .record({
        states: fc.tuple(...chain.map(() => fc.record({ extra, timer }))),
        decision: branches,
        gate,
      })
      .map(({ states, decision, gate: g }) => {
        const milestoneStates: StateInput[] = states.map(({ extra: on, timer: t }, i) => ({
          id: `m${i}`,
          kind: 'milestone',
          on: [
            {
              id: `m${i}-advance`,
              event: 'ADVANCE',
              target: g?.after === i ? 'gate' : (chain[i + 1] ?? 'f0'),
            },
            ...on.map((x, j) => ({ id: `m${i}-t${j}`, ...x })),
          ],
          timers: t
            ? [
                {
                  id: 'sla',
                  after: { amount: t.amount, unit: 'businessDays' },
                  ...(t.target
                    ? { target: t.target }
                    : { actions: [{ type: 'notify', to: [{ role: 'recruiter' }], message: 'SLA' }] }),
                },
              ]
            : [],
        }));
        const finalStates: StateInput[] = ends.map((id) => ({ id, kind: 'final', outcome: 'completed' }));
        const front: StateInput[] = decision
          ? [
              {
                id: 'triage',
                kind: 'decision',
                branches: [
                  ...decision.map((b, j) => ({ id: `triage-${j}`, ...b })),
                  { id: 'triage-otherwise', target: 'm0' },
                ],
              },
            ]
          : [];
        const gateStates: StateInput[] = g
          ? [
              {
                id: 'gate',
                kind: 'approval',
                approval: {
                  steps: [
                    {
                      id: 'review',
                      approvers: [{ role: 'approver' }, { user: 'bob' }],
                      mode: g.mode,
                      ...(g.mode === 'quorum' ? { quorum: 2 } : {}),
                    },
                  ],
                  onApproved: chain[g.after + 1] ?? 'f0',
                  onRejected: g.onRejected,
                },
              },
            ]
          : [];
        return {
          schemaVersion: 2,
          id: 'generated',
          name: 'Generated workflow',
          context,
          initial: front[0]?.id ?? 'm0',
          states: [...front, ...milestoneStates, ...gateStates, ...finalStates],
        };
      });
  });

const contextArbitrary = fc.record({
  level: fc.integer({ min: 0, max: 6 }),
  candidate: fc.record({ source: fc.constantFrom('referral', 'agency', 'inbound') }),
  urgent: fc.boolean(),
});

describe('compile (property)', () => {
  it('compiles random valid specs without errors; xstate reaches only states of the spec', () => {
    fc.assert(
      fc.property(specArbitrary, contextArbitrary, (spec, start) => {
        const result = compile(spec);
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        if (!result.definition) throw new Error('no definition');
        const specIds = new Set(spec.states.map((s) => s.id));
        if (specIds.has('gate')) specIds.add('gate:review');
        const flaggedUnreachable = new Set(
          result.diagnostics.filter((d) => d.code === 'UNREACHABLE_STATE').map((d) => d.stateId),
        );

        const machine = createHireflowMachine(result.definition);
        const timerEvents = Object.values(result.definition.meta.hireflow.timers).map(
          (timer) => `xstate.after.timer:${timer.stateId}:${timer.timerId}.${timer.stateId}`,
        );
        const events: HireflowEvent[] = [
          ...[...EVENTS, ...timerEvents].map((type) => ({ type, at })),
          ...DECISIONS.map(([id, role, decision]) => ({
            type: 'APPROVAL.DECIDE',
            at,
            actor: { id, role },
            payload: { decision },
          })),
          { type: 'APPROVAL.OVERRIDE', at, actor: { id: 'ada', role: 'admin' } },
        ];
        // Approval tallies live in the context, so a state is its value plus its approval records.
        const keyOf = (s: AnyMachineSnapshot) => JSON.stringify([s.value, s.context.$approvals ?? null]);
        const [first] = initialTransition(machine, { context: start });
        const seen = new Map<string, AnyMachineSnapshot>([[keyOf(first), first]]);
        const queue = [first];
        for (let snapshot = queue.shift(); snapshot; snapshot = queue.shift()) {
          for (const event of events) {
            const [next] = transition(machine, snapshot, event);
            const key = keyOf(next);
            if (!seen.has(key)) {
              seen.set(key, next);
              queue.push(next);
            }
          }
        }
        for (const snapshot of seen.values()) {
          for (const node of snapshot._nodes) {
            if (node.id === machine.id) continue;
            expect(specIds.has(node.id)).toBe(true);
            expect(flaggedUnreachable.has(node.id)).toBe(false);
          }
        }
      }),
      // Each run compiles, builds a machine and explores it; 60 runs keep the suite quick on 2 cores.
      { numRuns: 60 },
    );
  }, 60_000);
});
