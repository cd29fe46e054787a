import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarSpec } from '../model/calendar.ts';
import { createBusinessCalendar } from './businessCalendar.ts';

// Calendars chosen for their awkward parts: DST in both hemispheres, a zone whose working hours cross
// UTC midnight, a half-hour offset, a six-day week and a short day.
const calendars = [
  { timeZone: 'America/New_York', holidays: { country: 'US' } },
  { timeZone: 'Europe/Berlin', holidays: { country: 'DE', region: 'BY' }, extraHolidays: ['2026-12-24'] },
  { timeZone: 'Pacific/Auckland', holidays: { country: 'NZ' }, workingDays: [1, 2, 3, 4, 5, 6] },
  { timeZone: 'Australia/Adelaide', workingHours: { start: '08:30', end: '12:15' } },
  { timeZone: 'America/New_York', workingDays: [6, 7], workingHours: { start: '00:30', end: '03:00' } },
].map((input) => createBusinessCalendar(CalendarSpec.parse(input)));

const calendarArb = fc.constantFrom(...calendars);
const startArb = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2028-12-31T00:00:00Z'),
  noInvalidDate: true,
});
/** Amounts in hundredths, so fractions are exercised too. */
const amountArb = fc.integer({ min: 0, max: 3_000 }).map((hundredths) => hundredths / 100);
const businessUnitArb = fc.constantFrom('businessDays' as const, 'businessHours' as const);

describe('addDuration (properties)', () => {
  it('is monotonic in the amount, for every unit', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        amountArb,
        amountArb,
        fc.constantFrom('businessDays', 'businessHours', 'days', 'hours', 'minutes' as const),
        (calendar, start, a, b, unit) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          const early = calendar.addDuration(start, { amount: small, unit });
          const late = calendar.addDuration(start, { amount: large, unit });
          expect(early.getTime()).toBeLessThanOrEqual(late.getTime());
        },
      ),
      { numRuns: 400 },
    );
  });

  it('lands business units inside working time (or exactly at closing time)', () => {
    fc.assert(
      fc.property(calendarArb, startArb, amountArb, businessUnitArb, (calendar, start, amount, unit) => {
        const due = calendar.addDuration(start, { amount, unit });
        const justBefore = new Date(due.getTime() - 1);
        expect(calendar.isWorkingTime(due) || calendar.isWorkingTime(justBefore)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('adds exactly the asked business hours, as businessMillisBetween measures them', () => {
    fc.assert(
      fc.property(calendarArb, startArb, amountArb, (calendar, start, amount) => {
        const due = calendar.addDuration(start, { amount, unit: 'businessHours' });
        expect(calendar.businessMillisBetween(start, due)).toBe(Math.round(amount * 3_600_000));
      }),
      { numRuns: 400 },
    );
  });
});
