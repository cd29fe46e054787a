import type { CalendarSpec } from '../model/calendar.ts';
import { DAY_MS, isoWeekday, MINUTE_MS, parseClockTime } from './civilDate.ts';
import { createHolidayLookup } from './holidayLookup.ts';
import { createZoneClock, type ZoneClock } from './zoneClock.ts';

/** One local day of a calendar, with its working window as instants. */
export interface WorkingDay {
  /** Local day number (days since 1970-01-01 on the calendar's wall clock). */
  readonly dayNumber: number;
  /** A working weekday that is not a holiday, with a non-empty working window. */
  readonly isWorking: boolean;
  readonly holidayName: string | undefined;
  /** Instant the working hours start on this day (NaN when the day is not working). */
  readonly openMs: number;
  /** Instant the working hours end on this day; the window is `[openMs, closeMs)`. */
  readonly closeMs: number;
}

/** The day-level view of a calendar that the business arithmetic walks over. */
export interface WorkingTime {
  readonly zone: ZoneClock;
  /** Length of the nominal working window (end − start of the working hours), in ms. */
  readonly windowMs: number;
  day(dayNumber: number): WorkingDay;
  /** The local day containing this instant. */
  dayOf(utcMs: number): WorkingDay;
  /** The first working day strictly after this day number. */
  nextWorkingDay(dayNumber: number): WorkingDay;
}

/** Cached days; past this many the cache starts again (about 27 years of days). */
const MAX_CACHED_DAYS = 10_000;
/** A calendar with no working day in this many days is broken (e.g. every working weekday a holiday). */
const MAX_SEARCH_DAYS = 3_660;

/**
 * Build the day-level view of a calendar. Every day is computed once (weekday, holiday, window instants)
 * and cached, so the hot path of due-time computation is a few Map lookups per day walked.
 *
 * @throws RangeError for an unknown time zone or working hours that are not `HH:MM` with start < end.
 */
export function createWorkingTime(spec: CalendarSpec): WorkingTime {
  const zone = createZoneClock(spec.timeZone);
  const holidayOf = createHolidayLookup(spec);
  const startMinute = parseClockTime(spec.workingHours.start);
  const endMinute = parseClockTime(spec.workingHours.end);
  if (startMinute === undefined || endMinute === undefined || endMinute <= startMinute) {
    throw new RangeError(
      `working hours ${spec.workingHours.start}–${spec.workingHours.end} are not a window`,
    );
  }
  const workingWeekdays = new Set(spec.workingDays);
  const cache = new Map<number, WorkingDay>();

  const computeDay = (dayNumber: number): WorkingDay => {
    const holidayName = holidayOf(dayNumber);
    if (holidayName !== undefined || !workingWeekdays.has(isoWeekday(dayNumber))) {
      return { dayNumber, isWorking: false, holidayName, openMs: Number.NaN, closeMs: Number.NaN };
    }
    const openMs = zone.toUtcMs(dayNumber * DAY_MS + startMinute * MINUTE_MS);
    const closeMs = zone.toUtcMs(dayNumber * DAY_MS + endMinute * MINUTE_MS);
    // A window swallowed whole by a DST gap has no working time in it.
    const isWorking = closeMs > openMs;
    return { dayNumber, isWorking, holidayName, openMs, closeMs };
  };

  const day = (dayNumber: number): WorkingDay => {
    let found = cache.get(dayNumber);
    if (found === undefined) {
      if (cache.size >= MAX_CACHED_DAYS) cache.clear();
      found = computeDay(dayNumber);
      cache.set(dayNumber, found);
    }
    return found;
  };

  const nextWorkingDay = (dayNumber: number): WorkingDay => {
    for (let next = dayNumber + 1; next <= dayNumber + MAX_SEARCH_DAYS; next++) {
      const candidate = day(next);
      if (candidate.isWorking) return candidate;
    }
    throw new RangeError(
      `the calendar has no working day in the ${MAX_SEARCH_DAYS} days after day ${dayNumber}`,
    );
  };

  return {
    zone,
    windowMs: (endMinute - startMinute) * MINUTE_MS,
    day,
    dayOf: (utcMs) => day(Math.floor(zone.toLocalMs(utcMs) / DAY_MS)),
    nextWorkingDay,
  };
}
