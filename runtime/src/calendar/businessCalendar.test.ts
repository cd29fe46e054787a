import { describe, expect, it } from 'vitest';
import { CalendarSpec } from '../model/calendar.ts';
import { type BusinessCalendar, createBusinessCalendar } from './businessCalendar.ts';
import { CalendarInvalidError } from './calendarErrors.ts';

/** A calendar from the same partial input the designer would send, defaults applied by the schema. */
function calendar(input: Partial<CalendarSpec>): BusinessCalendar {
  return createBusinessCalendar(CalendarSpec.parse(input));
}

const HOUR = 3_600_000;
// New York, 09:00–17:00 Mon–Fri, US public holidays. July 2026: Fri 3rd is the observed Independence Day.
const newYork = calendar({ timeZone: 'America/New_York', holidays: { country: 'US' } });

describe('addDuration in businessDays', () => {
  it('keeps the clock time and skips the weekend: Fri 15:00 + 1 business day is Mon 15:00', () => {
    const berlin = calendar({ timeZone: 'Europe/Berlin' });
    expect(
      berlin.addDuration(new Date('2026-06-05T15:00:00+02:00'), { amount: 1, unit: 'businessDays' }),
    ).toEqual(new Date('2026-06-08T15:00:00+02:00'));
  });

  it('rolls a start after hours forward to the next opening before counting', () => {
    const fridayEvening = new Date('2026-06-05T18:00:00-04:00');
    expect(newYork.addDuration(fridayEvening, { amount: 1, unit: 'businessDays' })).toEqual(
      new Date('2026-06-09T09:00:00-04:00'),
    );
  });

  it('rolls a start on the weekend or before opening forward the same way', () => {
    const saturday = new Date('2026-06-06T11:00:00-04:00');
    const mondayEarly = new Date('2026-06-08T07:30:00-04:00');
    expect(newYork.addDuration(saturday, { amount: 1, unit: 'businessDays' })).toEqual(
      new Date('2026-06-09T09:00:00-04:00'),
    );
    expect(newYork.addDuration(mondayEarly, { amount: 1, unit: 'businessDays' })).toEqual(
      new Date('2026-06-09T09:00:00-04:00'),
    );
  });

  it('computes the "3 business days in screen → remind, 5 → escalate, 7 → reassign" ladder around July 4', () => {
    const enteredScreen = new Date('2026-07-01T14:00:00-04:00'); // Wednesday
    const rung = (amount: number) => newYork.addDuration(enteredScreen, { amount, unit: 'businessDays' });
    // Thu 2 (1), Fri 3 observed holiday, weekend, Mon 6 (2), Tue 7 (3).
    expect(rung(3)).toEqual(new Date('2026-07-07T14:00:00-04:00'));
    expect(rung(5)).toEqual(new Date('2026-07-09T14:00:00-04:00'));
    expect(rung(7)).toEqual(new Date('2026-07-13T14:00:00-04:00'));
    expect(newYork.businessMillisBetween(enteredScreen, rung(3))).toBe(3 * 8 * HOUR);
  });

  it('adds a fraction of a business day as that share of the working hours', () => {
    const mondayTen = new Date('2026-06-08T10:00:00-04:00');
    // 1.5 days = Tue 10:00 + 4 business hours.
    expect(newYork.addDuration(mondayTen, { amount: 1.5, unit: 'businessDays' })).toEqual(
      new Date('2026-06-09T14:00:00-04:00'),
    );
    expect(newYork.addDuration(mondayTen, { amount: 0.5, unit: 'businessDays' })).toEqual(
      new Date('2026-06-08T14:00:00-04:00'),
    );
  });
});

describe('addDuration in businessHours', () => {
  it('counts only working hours, including fractions', () => {
    const mondayNine = new Date('2026-06-08T09:00:00-04:00');
    expect(newYork.addDuration(mondayNine, { amount: 1.5, unit: 'businessHours' })).toEqual(
      new Date('2026-06-08T10:30:00-04:00'),
    );
    const mondayLate = new Date('2026-06-08T16:30:00-04:00');
    expect(newYork.addDuration(mondayLate, { amount: 0.75, unit: 'businessHours' })).toEqual(
      new Date('2026-06-09T09:15:00-04:00'),
    );
  });

  it('ends at closing time when the hours run out exactly then', () => {
    const mondayNine = new Date('2026-06-08T09:00:00-04:00');
    expect(newYork.addDuration(mondayNine, { amount: 8, unit: 'businessHours' })).toEqual(
      new Date('2026-06-08T17:00:00-04:00'),
    );
  });

  it('carries over the weekend and the holiday', () => {
    const thursdayFour = new Date('2026-07-02T16:00:00-04:00');
    expect(newYork.addDuration(thursdayFour, { amount: 2, unit: 'businessHours' })).toEqual(
      new Date('2026-07-06T10:00:00-04:00'),
    );
  });
});

describe('addDuration in plain time', () => {
  const mondayTen = new Date('2026-06-08T10:00:00-04:00');

  it('adds minutes and hours as elapsed time, ignoring working hours', () => {
    expect(newYork.addDuration(mondayTen, { amount: 90, unit: 'minutes' })).toEqual(
      new Date('2026-06-08T11:30:00-04:00'),
    );
    expect(newYork.addDuration(mondayTen, { amount: 24, unit: 'hours' })).toEqual(
      new Date('2026-06-09T10:00:00-04:00'),
    );
  });

  it('adds calendar days through weekends and holidays', () => {
    expect(newYork.addDuration(new Date('2026-07-02T10:00:00-04:00'), { amount: 3, unit: 'days' })).toEqual(
      new Date('2026-07-05T10:00:00-04:00'),
    );
  });

  it('refuses a negative amount and an invalid start', () => {
    expect(() => newYork.addDuration(mondayTen, { amount: -1, unit: 'hours' })).toThrow(RangeError);
    expect(() => newYork.addDuration(new Date(Number.NaN), { amount: 1, unit: 'hours' })).toThrow(RangeError);
  });
});

describe('working days and holidays', () => {
  it('treats weekends as non-working and names no holiday on an ordinary weekend', () => {
    const saturday = new Date('2026-06-06T12:00:00-04:00');
    expect(newYork.isWorkingDay(saturday)).toBe(false);
    expect(newYork.holidayName(saturday)).toBeUndefined();
  });

  it('knows US Independence Day and its observed Friday', () => {
    expect(newYork.holidayName(new Date('2026-07-04T12:00:00-04:00'))).toBe('Independence Day');
    expect(newYork.holidayName(new Date('2026-07-03T12:00:00-04:00'))).toBe(
      'Independence Day (substitute day)',
    );
    expect(newYork.isWorkingDay(new Date('2026-07-03T12:00:00-04:00'))).toBe(false);
  });

  it('knows German Christmas, but Christmas Eve is a working day', () => {
    const berlin = calendar({ timeZone: 'Europe/Berlin', holidays: { country: 'DE' } });
    expect(berlin.holidayName(new Date('2026-12-25T12:00:00+01:00'))).toBe('Christmas Day');
    expect(berlin.isWorkingDay(new Date('2026-12-24T12:00:00+01:00'))).toBe(true);
    // Thu 24th + 1 business day: Fri 25th and Sat 26th are off, so Monday.
    expect(
      berlin.addDuration(new Date('2026-12-24T10:00:00+01:00'), { amount: 1, unit: 'businessDays' }),
    ).toEqual(new Date('2026-12-28T10:00:00+01:00'));
  });

  it('follows UK bank holidays of the chosen nation', () => {
    const london = calendar({ timeZone: 'Europe/London', holidays: { country: 'GB', region: 'ENG' } });
    const edinburgh = calendar({ timeZone: 'Europe/London', holidays: { country: 'GB', region: 'GB-SCT' } });
    const summerBankHolidayEngland = new Date('2026-08-31T12:00:00+01:00');
    expect(london.holidayName(summerBankHolidayEngland)).toBe('Summer bank holiday');
    expect(edinburgh.isWorkingDay(summerBankHolidayEngland)).toBe(true);
    expect(
      london.addDuration(new Date('2026-08-28T10:00:00+01:00'), { amount: 1, unit: 'businessDays' }),
    ).toEqual(new Date('2026-09-01T10:00:00+01:00'));
  });

  it('counts every day of a holiday the library gives as several days long', () => {
    // Armenia's New Year holiday spans 1–2 January in one entry.
    const yerevan = calendar({ timeZone: 'Asia/Yerevan', holidays: { country: 'AM' } });
    expect(yerevan.holidayName(new Date('2026-01-02T12:00:00+04:00'))).toBe("New Year's Day");
    expect(yerevan.isWorkingDay(new Date('2026-01-02T12:00:00+04:00'))).toBe(false);
  });

  it('adds company days off from extraHolidays', () => {
    const withBridgeDay = calendar({
      timeZone: 'America/New_York',
      holidays: { country: 'US' },
      extraHolidays: ['2026-07-06'],
    });
    expect(withBridgeDay.holidayName(new Date('2026-07-06T12:00:00-04:00'))).toBe('Company holiday');
    expect(
      withBridgeDay.addDuration(new Date('2026-07-02T14:00:00-04:00'), { amount: 1, unit: 'businessDays' }),
    ).toEqual(new Date('2026-07-07T14:00:00-04:00'));
  });

  it('knows working time down to the boundaries: opening counts, closing does not', () => {
    expect(newYork.isWorkingTime(new Date('2026-06-08T09:00:00-04:00'))).toBe(true);
    expect(newYork.isWorkingTime(new Date('2026-06-08T16:59:59-04:00'))).toBe(true);
    expect(newYork.isWorkingTime(new Date('2026-06-08T17:00:00-04:00'))).toBe(false);
    expect(newYork.isWorkingTime(new Date('2026-06-08T08:59:59-04:00'))).toBe(false);
  });
});

describe('businessMillisBetween', () => {
  it('sums working time over days, weekends and holidays, and is negative backwards', () => {
    const a = new Date('2026-07-02T16:00:00-04:00');
    const b = new Date('2026-07-06T10:00:00-04:00');
    expect(newYork.businessMillisBetween(a, b)).toBe(2 * HOUR);
    expect(newYork.businessMillisBetween(b, a)).toBe(-2 * HOUR);
    expect(newYork.businessMillisBetween(a, a)).toBe(0);
  });
});

describe('createBusinessCalendar', () => {
  it('refuses an unusable spec with the problems in words', () => {
    const spec = CalendarSpec.parse({ timeZone: 'Mars/Olympus_Mons' });
    expect(() => createBusinessCalendar(spec)).toThrow(CalendarInvalidError);
    expect(() => createBusinessCalendar(spec)).toThrow(/not a time zone we know/);
  });
});
