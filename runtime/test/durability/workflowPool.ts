import fc from 'fast-check';
import { readSampleSpec, readTemplateSpecs } from '../specFiles.ts';
import type { StateInput } from '../specs.ts';

/** A workflow spec as JSON, the way `createWorkflow` stores a draft. */
export type SpecJson = Record<string, unknown> & { id: string; name: string };

/** The sample and every template: real workflows with SLA ladders, approval chains and guards. */
export const shippedSpecs = (): SpecJson[] =>
  [readSampleSpec(), ...readTemplateSpecs()].map((file) => file.json as SpecJson);

/** The small typed context the generated guards read. */
const GENERATED_CONTEXT = {
  level: { type: 'int' },
  'candidate.source': { type: 'string', enum: ['referral', 'agency', 'inbound'] },
  urgent: { type: 'bool' },
  'compensation.base': { type: 'double' },
} as const;
const GUARDS = ['level > 3', 'candidate.source == "referral"', 'urgent', '!urgent && level <= 2'];
const EXTRA_EVENTS = ['REJECT', 'HOLD', 'RESUME', 'ESCALATE', 'WITHDRAW'];
const CALENDARS = [
  undefined,
  { timeZone: 'America/New_York', holidays: { country: 'US' } },
  { timeZone: 'Europe/Berlin', holidays: { country: 'DE' } },
];

const approvalStep = (id: string, role: string) =>
  fc
    .record({
      mode: fc.constantFrom('any', 'all', 'quorum'),
      second: fc.boolean(),
      timeout: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    })
    .map(({ mode, second, timeout }) => ({
      id,
      approvers: second ? [{ role }, { user: `${role}-lead` }] : [{ role }],
      mode,
      ...(mode === 'quorum' ? { quorum: 1 } : {}),
      ...(timeout
        ? {
            timeout: {
              after: { amount: timeout, unit: 'businessDays' },
              actions: [{ type: 'notify', to: [{ role: 'ta_manager' }], message: 'Approval waiting' }],
            },
          }
        : {}),
    }));

/**
 * Random valid specs: a chain of milestones (each with an ADVANCE to the next, the last into an
 * approval of one or two steps), extra guarded transitions on other events, business-day SLA timers
 * and deadlines, finals. Every generated spec compiles without errors (the test asserts it).
 */
export const generatedSpecArbitrary: fc.Arbitrary<SpecJson> = fc
  .record({ milestones: fc.integer({ min: 1, max: 4 }), finals: fc.integer({ min: 1, max: 2 }) })
  .chain(({ milestones, finals }) => {
    const chain = Array.from({ length: milestones }, (_, i) => `m${i}`);
    const ends = Array.from({ length: finals }, (_, i) => `f${i}`);
    const target = fc.constantFrom(...chain, ...ends);
    const guard = fc.option(fc.constantFrom(...GUARDS), { nil: undefined });
    const extra = fc.uniqueArray(
      fc.record({
        event: fc.constantFrom(...EXTRA_EVENTS),
        target,
        guard,
        requiresNote: fc.boolean(),
        allowedRoles: fc.constantFrom([], ['recruiter'], ['recruiter', 'hiring_manager']),
      }),
      { selector: (t) => t.event, maxLength: 3 },
    );
    const timer = fc.option(
      fc.record({
        amount: fc.integer({ min: 1, max: 6 }),
        unit: fc.constantFrom('businessDays', 'businessHours', 'days'),
        target: fc.option(target, { nil: undefined }),
      }),
      { nil: undefined },
    );
    return fc.record({
      states: fc.tuple(...chain.map(() => fc.record({ extra, timer }))),
      steps: fc.tuple(approvalStep('manager', 'hiring_manager'), approvalStep('finance', 'finance')),
      financeStep: fc.boolean(),
      calendar: fc.constantFrom(...CALENDARS),
      finals: fc.constant(finals),
    });
  })
  .map(({ states, steps, financeStep, calendar, finals }) => {
    const milestoneStates: StateInput[] = states.map(({ extra, timer }, i) => ({
      id: `m${i}`,
      kind: 'milestone',
      on: [
        { id: `m${i}-advance`, event: 'ADVANCE', target: states[i + 1] ? `m${i + 1}` : 'approval' },
        ...extra.map((t, j) => ({ id: `m${i}-t${j}`, ...t })),
      ],
      timers: timer
        ? [
            {
              id: 'sla',
              after: { amount: timer.amount, unit: timer.unit },
              ...(timer.target
                ? { kind: 'deadline', target: timer.target }
                : { actions: [{ type: 'notify', to: [{ role: 'recruiter' }], message: 'SLA' }] }),
            },
          ]
        : [],
    }));
    const [manager, finance] = steps;
    const approval: StateInput = {
      id: 'approval',
      kind: 'approval',
      approval: {
        steps: financeStep
          ? [manager, { ...finance, when: 'compensation.base > 100000.0', watches: ['compensation.base'] }]
          : [manager],
        onApproved: 'f0',
        onRejected: 'm0',
      },
      on: [{ id: 'approval-withdraw', event: 'WITHDRAW', target: 'f0' }],
    };
    const finalStates: StateInput[] = Array.from({ length: finals }, (_, i) => ({
      id: `f${i}`,
      kind: 'final',
      outcome: 'completed',
    }));
    return {
      schemaVersion: 2,
      id: 'generated',
      name: 'Generated workflow',
      ...(calendar ? { calendar } : {}),
      context: GENERATED_CONTEXT,
      initial: 'm0',
      states: [...milestoneStates, approval, ...finalStates],
    };
  });
