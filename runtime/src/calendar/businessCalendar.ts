import type { CalendarSpec } from '../model/calendar.ts';
import type { Duration } from '../model/primitives.ts';
import { CalendarInvalidError } from './calendarErrors.ts';
import { checkCalendar } from './checkCalendar.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './civilDate.ts';
import { createWorkingTime, type WorkingDay, type WorkingTime } from './workingTime.ts';

/**
 * Business-time arithmetic for one {@link CalendarSpec}. Working time is the half-open window
 * `[start, end)` of the working hours, on the calendar's wall clock, of every working weekday that is
 * not a public or extra holiday. Methods are pure functions of their arguments (they cache internally).
 */
export interface BusinessCalendar {
  readonly spec: CalendarSpec;
  /**
   * The instant `duration` after `start`.
   *
   * - `businessHours`: the earliest instant by which `amount` hours of working time have passed since
   *   `start`. Fractions are allowed (1.5 = 90 minutes). Time outside working hours does not count, so a
   *   start after hours counts from the next opening. A result can be exactly the end of working hours
   *   (Mon 09:00 + 8h with 09–17 is Mon 17:00, not Tue 09:00).
   * - `businessDays`: first, a start outside working time rolls forward to the next opening. Then the
   *   result is the same local clock time `amount` working days later (Fri 15:00 + 1 → Mon 15:00; Fri
   *   18:00 + 1 → Mon 09:00 rolled, so Tue 09:00). A fraction adds that share of the working hours'
   *   length as business hours (1.5 days with 09–17 = 1 day + 4 business hours).
   * - `days`: the same local clock time `amount` calendar days later, across DST (+1 day from 10:00 the
   *   day before the clocks change is 10:00 again, 23 or 25 hours later). A fraction adds that share of
   *   24 elapsed hours. A clock time skipped by spring-forward moves forward by the gap.
   * - `hours`, `minutes`: plain elapsed time.
   *
   * @throws RangeError for an invalid date or a negative or non-finite amount.
   */
  addDuration(start: Date, duration: Duration): Date;
  /** Whether the local day of `date` is a working weekday and not a holiday. */
  isWorkingDay(date: Date): boolean;
  /** Whether `date` falls inside working hours of a working day. */
  isWorkingTime(date: Date): boolean;
  /** The public or extra holiday on the local day of `date` (weekends included), else `undefined`. */
  holidayName(date: Date): string | undefined;
  /** Working time in `[a, b)` in ms; negative when `b` is before `a`. */
  businessMillisBetween(a: Date, b: Date): number;
}

/**
 * Create the business calendar of a spec. Creating one loads holiday rules and sets up time-zone
 * formatting, so make one per calendar spec and reuse it; each keeps its caches.
 *
 * @throws CalendarInvalidError listing the problems `checkCalendar` finds.
 * @example
 * const calendar = createBusinessCalendar(CalendarSpec.parse({ timeZone: 'Europe/Berlin', holidays: { country: 'DE' } }));
 * calendar.addDuration(new Date('2026-06-05T13:00:00Z'), { amount: 3, unit: 'businessDays' }); // Wed 10 June 15:00 Berlin
 */
export function createBusinessCalendar(spec: CalendarSpec): BusinessCalendar {
  const problems = checkCalendar(spec);
  if (problems.length > 0) throw new CalendarInvalidError(problems);
  const time = createWorkingTime(spec);

  return {
    spec,
    addDuration: (start, duration) => new Date(addDurationMs(time, instantOf(start), duration)),
    isWorkingDay: (date) => time.dayOf(instantOf(date)).isWorking,
    isWorkingTime: (date) => {
      const t = instantOf(date);
      const day = time.dayOf(t);
      return day.isWorking && t >= day.openMs && t < day.closeMs;
    },
    holidayName: (date) => time.dayOf(instantOf(date)).holidayName,
    businessMillisBetween: (a, b) => {
      const [from, to] = [instantOf(a), instantOf(b)];
      return to >= from ? workingMsBetween(time, from, to) : -workingMsBetween(time, to, from);
    },
  };
}

function instantOf(date: Date): number {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('the date is invalid');
  return t;
}

function addDurationMs(time: WorkingTime, start: number, { amount, unit }: Duration): number {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`cannot add ${amount} ${unit}`);
  switch (unit) {
    case 'minutes':
      return start + Math.round(amount * MINUTE_MS);
    case 'hours':
      return start + Math.round(amount * HOUR_MS);
    case 'days':
      return addCalendarDays(time, start, amount);
    case 'businessHours':
      return addWorkingMs(time, rollForward(time, start), Math.round(amount * HOUR_MS));
    case 'businessDays':
      return addBusinessDays(time, start, amount);
  }
}

function addCalendarDays(time: WorkingTime, start: number, amount: number): number {
  const whole = Math.floor(amount);
  const fraction = Math.round((amount - whole) * DAY_MS);
  // Zero whole days must not round-trip through the wall clock: at fall-back that could pick the
  // other of two instants with the same clock reading.
  const shifted = whole === 0 ? start : time.zone.toUtcMs(time.zone.toLocalMs(start) + whole * DAY_MS);
  return shifted + fraction;
}

/** A working instant and the working day it belongs to. */
interface WorkingInstant {
  day: WorkingDay;
  at: number;
}

/** `t` itself when it is working time, else the next opening. */
function rollForward(time: WorkingTime, t: number): WorkingInstant {
  const day = time.dayOf(t);
  if (day.isWorking && t < day.closeMs) return { day, at: Math.max(t, day.openMs) };
  const next = time.nextWorkingDay(day.dayNumber);
  return { day: next, at: next.openMs };
}

function addWorkingMs(time: WorkingTime, from: WorkingInstant, workingMs: number): number {
  let { day, at } = from;
  let remaining = workingMs;
  for (;;) {
    const available = day.closeMs - at;
    if (remaining <= available) return at + remaining;
    remaining -= available;
    day = time.nextWorkingDay(day.dayNumber);
    at = day.openMs;
  }
}

function addBusinessDays(time: WorkingTime, start: number, amount: number): number {
  const whole = Math.floor(amount);
  const from = rollForward(time, start);
  let result = from;
  if (whole > 0) {
    const clockOfDay = time.zone.toLocalMs(from.at) - from.day.dayNumber * DAY_MS;
    let day = from.day;
    for (let i = 0; i < whole; i++) day = time.nextWorkingDay(day.dayNumber);
    // Same clock time; clamped because a DST change inside the window can shorten it in real time.
    const at = Math.min(
      Math.max(time.zone.toUtcMs(day.dayNumber * DAY_MS + clockOfDay), day.openMs),
      day.closeMs,
    );
    result = { day, at };
  }
  const fraction = amount - whole;
  return fraction > 0 ? addWorkingMs(time, result, Math.round(fraction * time.windowMs)) : result.at;
}

function workingMsBetween(time: WorkingTime, from: number, to: number): number {
  let total = 0;
  const last = time.dayOf(to).dayNumber;
  for (let dayNumber = time.dayOf(from).dayNumber; dayNumber <= last; dayNumber++) {
    const day = time.day(dayNumber);
    if (!day.isWorking) continue;
    const overlap = Math.min(to, day.closeMs) - Math.max(from, day.openMs);
    if (overlap > 0) total += overlap;
  }
  return total;
}
