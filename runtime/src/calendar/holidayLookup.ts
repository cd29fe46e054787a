import Holidays from 'date-holidays';
import type { CalendarSpec } from '../model/calendar.ts';
import { DAY_MS, parseIsoDate, yearOfDay } from './civilDate.ts';

/** What `holidayName` answers for a day listed in `extraHolidays`. */
export const COMPANY_HOLIDAY_NAME = 'Company holiday';

/** Name of the holiday on a local day number, or `undefined` on an ordinary day. */
export type HolidayLookup = (dayNumber: number) => string | undefined;

/** Where public holidays come from, as the `date-holidays` library names it. */
export interface HolidaySource {
  country: string;
  state?: string;
  region?: string;
}

/**
 * Read the spec's `region` as the library wants it. Admins write subdivisions as ISO 3166-2 (`DE-BY`,
 * `US-CA`) or bare (`BY`); the library also knows finer regions below a state (`BY-A`, Augsburg).
 */
export function toHolidaySource(holidays: NonNullable<CalendarSpec['holidays']>): HolidaySource {
  const { country } = holidays;
  const region = holidays.region?.trim().toUpperCase();
  if (!region) return { country };
  const local = region.startsWith(`${country}-`) ? region.slice(country.length + 1) : region;
  const [state, subRegion] = local.split('-');
  return subRegion ? { country, state: state ?? '', region: subRegion } : { country, state: state ?? '' };
}

/**
 * Create the holiday lookup of a calendar: public holidays of the configured country and region (only
 * the library's `public` type: bank, school and observance days are working days) plus `extraHolidays`.
 * A holiday counts for its whole local day even when the library gives it a start time.
 *
 * The library computes a whole year at a time, which is slow next to a Map lookup, so each year is
 * computed once and kept.
 */
export function createHolidayLookup(spec: Pick<CalendarSpec, 'holidays' | 'extraHolidays'>): HolidayLookup {
  const extra = new Map<number, string>();
  for (const text of spec.extraHolidays) {
    const day = parseIsoDate(text);
    if (day !== undefined) extra.set(day, COMPANY_HOLIDAY_NAME);
  }
  if (!spec.holidays) return (day) => extra.get(day);

  const source = toHolidaySource(spec.holidays);
  const library = new Holidays(source.country, source.state ?? '', source.region ?? '', {
    types: ['public'],
    languages: ['en'],
  });
  const publicDays = new Map<number, string>();
  const loadedYears = new Set<number>();

  const loadYear = (year: number): void => {
    if (loadedYears.has(year)) return;
    loadedYears.add(year);
    for (const holiday of library.getHolidays(year, 'en')) {
      const first = parseIsoDate(holiday.date);
      if (first === undefined) continue;
      // Multi-day holidays (Eid al-Fitr in some countries spans three days) cover every day they span.
      const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
      for (let offset = 0; offset < days; offset++) {
        if (!publicDays.has(first + offset)) publicDays.set(first + offset, holiday.name);
      }
    }
  };

  return (day) => {
    const year = yearOfDay(day);
    // The previous year too: a multi-day holiday starting on 31 December spills into January.
    loadYear(year - 1);
    loadYear(year);
    return publicDays.get(day) ?? extra.get(day);
  };
}
