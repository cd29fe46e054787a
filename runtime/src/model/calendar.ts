import { z } from 'zod';
import { CelExpression, Id } from './primitives.ts';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use 24-hour HH:MM');
const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

/** When work happens: business time counts only working hours of working days that are not holidays. */
export const CalendarSpec = z.strictObject({
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: z.string().min(1).default('UTC'),
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workingDays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
  workingHours: z.strictObject({ start: HHMM, end: HHMM }).default({ start: '09:00', end: '17:00' }),
  /** Public holidays of this country (ISO 3166 code) and optional region, from the holiday library. */
  holidays: z
    .strictObject({
      country: z.string().regex(/^[A-Z]{2}$/, 'use a two-letter country code'),
      region: z.string().optional(),
    })
    .optional(),
  /** Extra company days off. */
  extraHolidays: z.array(ISO_DATE).default([]),
});
export type CalendarSpec = z.infer<typeof CalendarSpec>;

/**
 * A window during which SLA escalations are deferred to the window's end (and the deferral audited),
 * e.g. a hiring freeze for one department or a global maintenance window.
 */
export const SuppressionWindow = z
  .strictObject({
    id: Id,
    name: z.string().min(1).max(120),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    /** Applies only to instances whose context matches (e.g. `department == "Sales"`); all when absent. */
    when: CelExpression.optional(),
  })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), {
    message: 'the window must end after it starts',
    path: ['to'],
  });
export type SuppressionWindow = z.infer<typeof SuppressionWindow>;
