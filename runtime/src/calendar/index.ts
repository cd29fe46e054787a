/**
 * The business calendar: due times of SLA rungs, escalations and deadlines in business time, working
 * days and hours, public holidays, and deferral by suppression windows.
 * Browser-safe: no Node built-ins, no database.
 */
export { type BusinessCalendar, createBusinessCalendar } from './businessCalendar.ts';
export { CalendarInvalidError } from './calendarErrors.ts';
export { checkCalendar } from './checkCalendar.ts';
export { type DeferredDue, deferForSuppression, type SuppressionInterval } from './deferForSuppression.ts';
export { COMPANY_HOLIDAY_NAME } from './holidayLookup.ts';
export { createZoneClock, type ZoneClock } from './zoneClock.ts';
