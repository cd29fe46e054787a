import { z } from 'zod';
import { CalendarSpec, SuppressionWindow } from './calendar.ts';
import { ContextSchema } from './context.ts';
import { Id } from './primitives.ts';
import { StateSpec } from './state.ts';
import { TransitionSpec } from './transition.ts';

/** The schema version this code writes. Older specs are upgraded by {@link migrateSpec}. */
export const CURRENT_SCHEMA_VERSION = 2;

/** What one instance of the workflow tracks. */
export const SUBJECT_TYPES = ['application', 'requisition', 'offer', 'ticket', 'onboarding'] as const;

/** Where a fork came from, so it can be compared with and rebased onto newer upstream versions. */
export const ForkOrigin = z.strictObject({
  source: z.enum(['template', 'workflow']),
  id: z.string().min(1).max(64),
  version: z.number().int().min(1),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type ForkOrigin = z.infer<typeof ForkOrigin>;

/** A hiring workflow as TA ops draw it: the single source of truth the compiler turns into XState. */
export const WorkflowSpec = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: Id,
  name: z.string().min(1, 'give the workflow a name').max(120),
  description: z.string().max(4000).optional(),
  /** The business unit that owns it; templates have none. */
  businessUnit: z.string().min(1).max(64).optional(),
  subjectType: z.enum(SUBJECT_TYPES).default('application'),
  requisitionTypes: z.array(z.string().min(1).max(64)).default([]),
  tags: z.array(z.string().min(1).max(40)).default([]),
  /** Visible only to people with explicit access (e.g. executive hires). */
  confidential: z.boolean().default(false),
  forkedFrom: ForkOrigin.optional(),
  calendar: CalendarSpec.default({
    timeZone: 'UTC',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: '09:00', end: '17:00' },
    extraHolidays: [],
  }),
  suppressionWindows: z.array(SuppressionWindow).default([]),
  context: ContextSchema.default({}),
  initial: Id,
  states: z.array(StateSpec).min(1, 'a workflow needs at least one state'),
  /**
   * Transitions possible from every state that is not final (e.g. Reject, Withdraw), drawn once
   * instead of one arrow per stage; compiled to the machine's root `on`. A state's own transition on
   * the same event takes precedence. Optional and without default, so specs without it keep their hash.
   */
  anyState: z.array(TransitionSpec).optional(),
});
/** The parsed spec (defaults applied). */
export type WorkflowSpec = z.infer<typeof WorkflowSpec>;
/** The spec as written by hand or sent over the wire (defaults optional). */
export type WorkflowSpecInput = z.input<typeof WorkflowSpec>;
