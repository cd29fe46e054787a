import { DAY_MS, HOUR_MS } from './civilDate.ts';

/**
 * Converts between instants and the wall clock of one IANA time zone.
 *
 * "Local ms" is the wall-clock reading written as if it were UTC: `Date.UTC(y, m, d, h, min)` of what a
 * clock on the wall in that zone shows. `Math.floor(localMs / DAY_MS)` is then the local day number.
 */
export interface ZoneClock {
  /** The time zone as Intl resolved it (canonical spelling). */
  readonly timeZone: string;
  /** How far the wall clock is ahead of UTC at this instant, in ms (Berlin in winter: 3_600_000). */
  offsetAt(utcMs: number): number;
  /** The wall-clock reading at this instant. */
  toLocalMs(utcMs: number): number;
  /**
   * The instant at which the wall clock shows `localMs`. A reading skipped by a spring-forward gap is
   * moved forward by the length of the gap (02:30 → 03:30); a reading that occurs twice at fall-back
   * resolves to the earlier instant. These are the rules of Temporal's `disambiguation: 'compatible'`.
   */
  toUtcMs(localMs: number): number;
}

/** Offsets are cached per UTC hour; past this many hours the cache starts again (about 11 years). */
const MAX_CACHED_HOURS = 100_000;

/**
 * Create a {@link ZoneClock} for an IANA time zone.
 *
 * Why Intl rather than a tz library: Node 20 and every browser ship the full IANA database with
 * `Intl.DateTimeFormat`, so this needs no dependency and no tz data of its own, and stays as current as
 * the platform. Intl is slow (a few µs per call), so offsets are cached per UTC hour; an hour whose
 * two ends disagree contains a transition and is computed exactly each time.
 *
 * @throws RangeError when the time zone is unknown.
 */
export function createZoneClock(timeZone: string): ZoneClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const resolved = format.resolvedOptions().timeZone;
  if (resolved === 'UTC' || resolved === 'Etc/UTC') return utcClock(resolved);

  const exactOffset = (utcMs: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(utcMs)) parts[part.type] = Number(part.value);
    const wall = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    // Intl shows whole seconds, so compare against the instant truncated to its second.
    return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
  };

  // Per UTC hour: the offset when constant over the hour, NaN when a transition happens inside it.
  const hourly = new Map<number, number>();
  const offsetAt = (utcMs: number): number => {
    const hour = Math.floor(utcMs / HOUR_MS);
    let offset = hourly.get(hour);
    if (offset === undefined) {
      if (hourly.size >= MAX_CACHED_HOURS) hourly.clear();
      const atStart = exactOffset(hour * HOUR_MS);
      offset = atStart === exactOffset(hour * HOUR_MS + HOUR_MS - 1) ? atStart : Number.NaN;
      hourly.set(hour, offset);
    }
    return Number.isNaN(offset) ? exactOffset(utcMs) : offset;
  };

  const toUtcMs = (localMs: number): number => {
    // Offsets a day either side bracket any single transition near this reading.
    const before = offsetAt(localMs - DAY_MS);
    const after = offsetAt(localMs + DAY_MS);
    const candidates = before === after ? [before] : [before, after];
    let best = Number.NaN;
    for (const offset of candidates) {
      const utc = localMs - offset;
      if (offsetAt(utc) === offset && !(utc >= best)) best = utc;
    }
    // No candidate is valid: the reading lies in a gap; the offset from before the gap moves it forward.
    return Number.isNaN(best) ? localMs - before : best;
  };

  return { timeZone: resolved, offsetAt, toLocalMs: (utcMs) => utcMs + offsetAt(utcMs), toUtcMs };
}

function utcClock(timeZone: string): ZoneClock {
  return { timeZone, offsetAt: () => 0, toLocalMs: (utcMs) => utcMs, toUtcMs: (localMs) => localMs };
}
