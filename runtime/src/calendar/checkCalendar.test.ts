import { describe, expect, it } from 'vitest';
import { CalendarSpec } from '../model/calendar.ts';
import { checkCalendar } from './checkCalendar.ts';

const check = (input: Partial<CalendarSpec>) => checkCalendar(CalendarSpec.parse(input));

describe('checkCalendar', () => {
  it('finds nothing wrong with a usual calendar, with or without a region', () => {
    expect(check({ timeZone: 'Europe/Berlin', holidays: { country: 'DE', region: 'BY' } })).toEqual([]);
    expect(check({ timeZone: 'America/Los_Angeles', holidays: { country: 'US', region: 'US-CA' } })).toEqual(
      [],
    );
    expect(check({})).toEqual([]);
  });

  it('names an unknown time zone and suggests the expected form', () => {
    expect(check({ timeZone: 'Europe/Berln' })).toEqual([
      '"Europe/Berln" is not a time zone we know. Use a name like Europe/Berlin or America/New_York.',
    ]);
  });

  it('names an unknown holiday country', () => {
    expect(check({ holidays: { country: 'XX' } })).toEqual([
      'We have no public holidays for the country code "XX". Use a code like US, DE or GB.',
    ]);
  });

  it('names an unknown region and lists some that exist', () => {
    const [problem] = check({ holidays: { country: 'DE', region: 'Atlantis' } });
    expect(problem).toMatch(/^We have no public holidays for the region "Atlantis" of Germany\./);
    expect(problem).toMatch(/Known regions include BB, BE, BW, BY\./);
  });

  it('refuses working hours that end at or before they start', () => {
    expect(check({ workingHours: { start: '17:00', end: '09:00' } })).toEqual([
      'Working hours end (09:00) at or before they start (17:00). ' +
        'Working hours must end later on the same day; shifts past midnight are not supported.',
    ]);
    expect(check({ workingHours: { start: '09:00', end: '09:00' } })).toHaveLength(1);
  });

  it('refuses extra holidays that are not real dates', () => {
    expect(check({ extraHolidays: ['2026-12-24', '2026-02-30'] })).toEqual([
      'The extra holiday "2026-02-30" is not a real date. Use YYYY-MM-DD, e.g. 2026-12-24.',
    ]);
  });

  it('lists every problem at once', () => {
    expect(check({ timeZone: 'Nowhere/Town', workingHours: { start: '18:00', end: '08:00' } })).toHaveLength(
      2,
    );
  });
});
