import { createBusinessCalendar } from '../src/calendar/index.ts';
import { CalendarSpec } from '../src/model/calendar.ts';
import type { BenchResult } from './benchResult.ts';

const DAY_MS = 86_400_000;
/** Starts spread over a year, 37 minutes apart, so the caches see many days as they would on 100k timers. */
const STARTS = Array.from({ length: 14_000 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 37 * 60_000));

/**
 * Operations per second of `run`, measured for about `millis` ms after a warm-up. `run` returns a
 * number that is summed, so the work cannot be optimised away.
 */
function opsPerSecond(run: (start: Date) => number, millis = 400): number {
  let sink = 0;
  for (const start of STARTS) sink += run(start);
  let ops = 0;
  const began = performance.now();
  let elapsed = 0;
  while (elapsed < millis) {
    for (const start of STARTS) sink += run(start);
    ops += STARTS.length;
    elapsed = performance.now() - began;
  }
  if (Number.isNaN(sink)) throw new Error('benchmark produced NaN');
  return (ops / elapsed) * 1000;
}

/**
 * Due-time computation on the engine's hot path: `addDuration({ amount: 3, unit: 'businessDays' })` on a
 * New York calendar with US public holidays, beside `new Date(start + 3 days)` as the raw baseline.
 */
export async function benchCalendar(): Promise<BenchResult[]> {
  const calendar = createBusinessCalendar(
    CalendarSpec.parse({ timeZone: 'America/New_York', holidays: { country: 'US' } }),
  );
  const threeBusinessDays = { amount: 3, unit: 'businessDays' } as const;

  const baseline = opsPerSecond((start) => new Date(start.getTime() + 3 * DAY_MS).getTime());
  const value = opsPerSecond((start) => calendar.addDuration(start, threeBusinessDays).getTime());
  return [
    {
      name: 'calendar.addDuration(3 businessDays)',
      value: Math.round(value),
      unit: 'ops/s',
      baseline: Math.round(baseline),
      ratio: value / baseline,
    },
  ];
}
