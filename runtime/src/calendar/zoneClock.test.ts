import { describe, expect, it } from 'vitest';
import { createZoneClock } from './zoneClock.ts';

const HOUR = 3_600_000;
/** A wall-clock reading written as if it were UTC, which is what `toUtcMs` takes. */
const wall = (reading: string) => Date.parse(`${reading}Z`);

describe('createZoneClock', () => {
  const berlin = createZoneClock('Europe/Berlin');
  const newYork = createZoneClock('America/New_York');

  it('knows the offset on both sides of a DST change', () => {
    expect(berlin.offsetAt(Date.parse('2026-03-29T00:59:59Z'))).toBe(HOUR);
    expect(berlin.offsetAt(Date.parse('2026-03-29T01:00:00Z'))).toBe(2 * HOUR);
    expect(newYork.offsetAt(Date.parse('2026-11-01T05:59:59Z'))).toBe(-4 * HOUR);
    expect(newYork.offsetAt(Date.parse('2026-11-01T06:00:00Z'))).toBe(-5 * HOUR);
  });

  it('turns an ordinary wall-clock reading into its instant and back', () => {
    const instant = berlin.toUtcMs(wall('2026-07-15T09:30:00'));
    expect(new Date(instant).toISOString()).toBe('2026-07-15T07:30:00.000Z');
    expect(berlin.toLocalMs(instant)).toBe(wall('2026-07-15T09:30:00'));
  });

  it('moves a reading skipped at spring-forward forward by the gap (02:30 → 03:30)', () => {
    expect(new Date(berlin.toUtcMs(wall('2026-03-29T02:30:00'))).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(new Date(newYork.toUtcMs(wall('2026-03-08T02:30:00'))).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('resolves a reading that happens twice at fall-back to the earlier instant', () => {
    expect(new Date(berlin.toUtcMs(wall('2026-10-25T02:30:00'))).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(new Date(newYork.toUtcMs(wall('2026-11-01T01:30:00'))).toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('handles half-hour offsets whose transitions fall mid-hour in UTC (Adelaide)', () => {
    const adelaide = createZoneClock('Australia/Adelaide');
    // DST ends 2026-04-05 03:00 ACDT (+10:30) = 2026-04-04T16:30Z, back to ACST (+9:30).
    expect(adelaide.offsetAt(Date.parse('2026-04-04T16:29:59Z'))).toBe(10.5 * HOUR);
    expect(adelaide.offsetAt(Date.parse('2026-04-04T16:30:00Z'))).toBe(9.5 * HOUR);
  });

  it('reports the canonical name and refuses an unknown zone', () => {
    expect(createZoneClock('UTC').offsetAt(0)).toBe(0);
    expect(() => createZoneClock('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
