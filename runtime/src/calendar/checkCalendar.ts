import Holidays from 'date-holidays';
import type { CalendarSpec } from '../model/calendar.ts';
import { parseClockTime, parseIsoDate } from './civilDate.ts';
import { toHolidaySource } from './holidayLookup.ts';

/** Countries the holiday library knows, loaded on first use: building the list is not free. */
let knownCountries: Record<string, string> | undefined;

/**
 * List what is wrong with a calendar, in words a TA ops admin understands; empty when it is usable.
 * Checks what the schema cannot: the time zone exists, the holiday country and region are known to the
 * holiday library, working hours end after they start, and extra holidays are real dates.
 *
 * @example
 * checkCalendar({ ...calendar, timeZone: 'Europe/Berln' })
 * // ['"Europe/Berln" is not a time zone we know. Use a name like Europe/Berlin or America/New_York.']
 */
export function checkCalendar(spec: CalendarSpec): string[] {
  const problems: string[] = [];

  if (!isKnownTimeZone(spec.timeZone)) {
    problems.push(
      `"${spec.timeZone}" is not a time zone we know. Use a name like Europe/Berlin or America/New_York.`,
    );
  }

  const start = parseClockTime(spec.workingHours.start);
  const end = parseClockTime(spec.workingHours.end);
  if (start === undefined || end === undefined) {
    problems.push('Working hours must be 24-hour times like 09:00 and 17:30.');
  } else if (end <= start) {
    problems.push(
      `Working hours end (${spec.workingHours.end}) at or before they start (${spec.workingHours.start}). ` +
        'Working hours must end later on the same day; shifts past midnight are not supported.',
    );
  }

  if (spec.workingDays.length === 0) problems.push('Choose at least one working day.');

  if (spec.holidays) problems.push(...checkHolidaySource(spec.holidays));

  for (const date of spec.extraHolidays) {
    if (parseIsoDate(date) === undefined || date.length !== 10) {
      problems.push(`The extra holiday "${date}" is not a real date. Use YYYY-MM-DD, e.g. 2026-12-24.`);
    }
  }
  return problems;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function checkHolidaySource(holidays: NonNullable<CalendarSpec['holidays']>): string[] {
  const library = new Holidays();
  knownCountries ??= library.getCountries('en');
  const { country, state, region } = toHolidaySource(holidays);
  if (!(country in knownCountries)) {
    return [`We have no public holidays for the country code "${country}". Use a code like US, DE or GB.`];
  }
  if (state === undefined) return [];
  const countryName = knownCountries[country] ?? country;
  const states = library.getStates(country, 'en') ?? {};
  if (!(state in states)) {
    const examples = Object.keys(states).slice(0, 4).join(', ');
    const hint = examples ? ` Known regions include ${examples}.` : ' Leave the region empty.';
    return [`We have no public holidays for the region "${holidays.region}" of ${countryName}.${hint}`];
  }
  if (region === undefined) return [];
  const regions = library.getRegions(country, state, 'en') ?? {};
  if (!(region in regions)) {
    return [`We have no public holidays for the region "${holidays.region}" of ${countryName}.`];
  }
  return [];
}
