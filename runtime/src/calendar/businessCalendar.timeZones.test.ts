import { describe, expect, it } from 'vitest';
import { CalendarSpec } from '../model/calendar.ts';
import { type BusinessCalendar, createBusinessCalendar } from './businessCalendar.ts';

function calendar(input: Partial<CalendarSpec>): BusinessCalendar {
  return createBusinessCalendar(CalendarSpec.parse(input));
}

const HOUR = 3_600_000;

describe('across DST in America/New_York (spring forward 8 Mar 2026, fall back 1 Nov 2026)', () => {
  const newYork = calendar({ timeZone: 'America/New_York' });

  it('keeps 10:00 local for a business day over spring-forward, 71 real hours later', () => {
    const fridayTen = new Date('2026-03-06T10:00:00-05:00');
    const due = newYork.addDuration(fridayTen, { amount: 1, unit: 'businessDays' });
    expect(due).toEqual(new Date('2026-03-09T10:00:00-04:00'));
    expect(due.getTime() - fridayTen.getTime()).toBe(71 * HOUR);
  });

  it('keeps 10:00 local for a calendar day over both changes: 23 and 25 hours', () => {
    expect(newYork.addDuration(new Date('2026-03-07T10:00:00-05:00'), { amount: 1, unit: 'days' })).toEqual(
      new Date('2026-03-08T10:00:00-04:00'),
    );
    expect(newYork.addDuration(new Date('2026-10-31T10:00:00-04:00'), { amount: 1, unit: 'days' })).toEqual(
      new Date('2026-11-01T10:00:00-05:00'),
    );
  });

  it('counts business hours over the weekend of a change as working hours only', () => {
    expect(
      newYork.addDuration(new Date('2026-10-30T16:00:00-04:00'), { amount: 2, unit: 'businessHours' }),
    ).toEqual(new Date('2026-11-02T10:00:00-05:00'));
  });

  it('counts the real length of working hours that contain the change', () => {
    // Night desk 01:00–05:00 every day: 3 real hours on spring-forward day, 5 on fall-back day.
    const nightDesk = calendar({
      timeZone: 'America/New_York',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      workingHours: { start: '01:00', end: '05:00' },
    });
    const day = (date: string, offset: string) =>
      nightDesk.businessMillisBetween(
        new Date(`${date}T00:00:00${offset}`),
        new Date(`${date}T12:00:00${offset}`),
      );
    expect(day('2026-03-08', '-04:00')).toBe(3 * HOUR);
    expect(day('2026-11-01', '-05:00')).toBe(5 * HOUR);
    // 1.5 business hours from 01:00 EST lands at 03:30 EDT: the clock skipped 02:00–03:00.
    expect(
      nightDesk.addDuration(new Date('2026-03-08T01:00:00-05:00'), { amount: 1.5, unit: 'businessHours' }),
    ).toEqual(new Date('2026-03-08T03:30:00-04:00'));
  });
});

describe('across DST in Europe/Berlin (29 Mar 2026 and 25 Oct 2026)', () => {
  const berlin = calendar({ timeZone: 'Europe/Berlin', holidays: { country: 'DE' } });

  it('keeps 15:00 local for a business day over both changes', () => {
    expect(
      berlin.addDuration(new Date('2026-03-27T15:00:00+01:00'), { amount: 1, unit: 'businessDays' }),
    ).toEqual(new Date('2026-03-30T15:00:00+02:00'));
    expect(
      berlin.addDuration(new Date('2026-10-23T15:00:00+02:00'), { amount: 1, unit: 'businessDays' }),
    ).toEqual(new Date('2026-10-26T15:00:00+01:00'));
  });

  it('adds elapsed hours as elapsed time: 24 hours over spring-forward shows 13:00 after 12:00', () => {
    expect(berlin.addDuration(new Date('2026-03-28T12:00:00+01:00'), { amount: 24, unit: 'hours' })).toEqual(
      new Date('2026-03-29T13:00:00+02:00'),
    );
  });

  it('has a full working day on each side of a change', () => {
    const workingDay = (from: string, to: string) =>
      berlin.businessMillisBetween(new Date(from), new Date(to));
    expect(workingDay('2026-03-27T00:00:00+01:00', '2026-03-31T00:00:00+02:00')).toBe(16 * HOUR);
    expect(workingDay('2026-10-23T00:00:00+02:00', '2026-10-27T00:00:00+01:00')).toBe(16 * HOUR);
  });
});

describe('working hours that cross UTC midnight', () => {
  it('Auckland: 09:00 NZST Monday is still Sunday in UTC, and a working day', () => {
    const auckland = calendar({ timeZone: 'Pacific/Auckland', holidays: { country: 'NZ' } });
    const mondayMorning = new Date('2026-06-07T21:00:00Z'); // Mon 8 June 09:00 NZST (+12)
    expect(auckland.isWorkingDay(mondayMorning)).toBe(true);
    expect(auckland.isWorkingTime(mondayMorning)).toBe(true);
    expect(auckland.isWorkingDay(new Date('2026-06-06T21:00:00Z'))).toBe(false); // Sunday 7th in Auckland
    // Fri 16:00 + 2 business hours → Mon 10:00 Auckland time.
    expect(
      auckland.addDuration(new Date('2026-06-05T16:00:00+12:00'), { amount: 2, unit: 'businessHours' }),
    ).toEqual(new Date('2026-06-08T10:00:00+12:00'));
    // King's Birthday, Mon 1 June 2026, is a public holiday there.
    expect(auckland.holidayName(new Date('2026-05-31T22:00:00Z'))).toBe("King's Birthday");
  });

  it('Tokyo: working hours 09:00–18:00 JST are 00:00–09:00 UTC; Golden Week is skipped', () => {
    const tokyo = calendar({
      timeZone: 'Asia/Tokyo',
      holidays: { country: 'JP' },
      workingHours: { start: '09:00', end: '18:00' },
    });
    expect(tokyo.isWorkingTime(new Date('2026-06-08T08:59:00Z'))).toBe(true);
    expect(tokyo.isWorkingTime(new Date('2026-06-08T09:00:00Z'))).toBe(false);
    // Fri 1 May 17:00 + 3 business hours: weekend, then 4–6 May holidays → Thu 7 May 11:00.
    expect(
      tokyo.addDuration(new Date('2026-05-01T17:00:00+09:00'), { amount: 3, unit: 'businessHours' }),
    ).toEqual(new Date('2026-05-07T11:00:00+09:00'));
  });
});
