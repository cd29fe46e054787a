import fc from 'fast-check';

/** Starts an instance with a context built from `seeds` (one per spec field; negative = field left out). */
export interface StartStep {
  kind: 'start';
  seeds: number[];
  actor: number;
}

/**
 * Sends one event to instance `instance` (mod the number started). The event is chosen when the step
 * runs, among the events the instance accepts now plus one it never accepts (`pick` mod that list),
 * so paths go deep into approval chains instead of being refused at the first state.
 */
export interface SendStep {
  kind: 'send';
  instance: number;
  /** Prefer events that keep the instance going (and let an approver decide). */
  forward: boolean;
  pick: number;
  actor: number;
  note: boolean;
  decision: 'approve' | 'reject';
  /** Field index and value seed of an UPDATE_CONTEXT patch. */
  field: number;
  seed: number;
  /** Send with an idempotency key (the step's position). */
  keyed: boolean;
}

/** Re-sends the last keyed request verbatim: the engine must answer the stored result. */
export interface RepeatStep {
  kind: 'repeat';
}

/** Moves the manual clock forward and lets the scheduler fire whatever became due. */
export interface AdvanceStep {
  kind: 'advance';
  minutes: number;
}

export type PathStep = StartStep | SendStep | RepeatStep | AdvanceStep;

const startStep = (fields: number): fc.Arbitrary<StartStep> =>
  fc.record({
    kind: fc.constant('start' as const),
    seeds: fc.array(fc.integer({ min: -1, max: 40 }), { minLength: fields, maxLength: fields }),
    actor: fc.nat(),
  });

const sendStep: fc.Arbitrary<SendStep> = fc.record({
  kind: fc.constant('send' as const),
  instance: fc.nat(),
  forward: fc.boolean(),
  pick: fc.nat(),
  actor: fc.nat(),
  note: fc.boolean(),
  decision: fc.constantFrom('approve' as const, 'reject' as const),
  field: fc.nat(),
  seed: fc.nat({ max: 40 }),
  keyed: fc.boolean(),
});

// An hour, a working day, a weekend, a week: business-day timers, holidays and deferrals all come due.
const advanceStep: fc.Arbitrary<AdvanceStep> = fc.record({
  kind: fc.constant('advance' as const),
  minutes: fc.constantFrom(60, 8 * 60, 24 * 60, 3 * 24 * 60, 7 * 24 * 60),
});

/** One or two starts, then a mix of sends, repeats and clock advances (sends weigh the most). */
export const eventPathArbitrary = (fields: number, maxSteps = 30): fc.Arbitrary<PathStep[]> =>
  fc
    .tuple(
      fc.array(startStep(fields), { minLength: 1, maxLength: 2 }),
      fc.array(
        fc.oneof(
          { arbitrary: sendStep, weight: 6 },
          { arbitrary: advanceStep, weight: 2 },
          { arbitrary: fc.constant<RepeatStep>({ kind: 'repeat' }), weight: 1 },
          { arbitrary: startStep(fields), weight: 1 },
        ),
        { minLength: 4, maxLength: maxSteps },
      ),
    )
    .map(([starts, rest]) => [...starts, ...rest]);
