/** Thrown by `createBusinessCalendar` when the spec cannot make a calendar; `problems` come from `checkCalendar`. */
export class CalendarInvalidError extends Error {
  readonly code = 'CALENDAR_INVALID';
  readonly problems: readonly string[];

  constructor(problems: readonly string[], options?: ErrorOptions) {
    super(`The business calendar is not usable: ${problems.join(' ')}`, options);
    this.name = 'CalendarInvalidError';
    this.problems = problems;
  }
}
