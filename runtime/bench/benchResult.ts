/**
 * One bench figure beside the raw baseline it is judged against, measured in the same run, so the
 * ratio means something on any machine. Each `*.bench.ts` exports `bench*()` functions returning these.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  /** value / baseline. */
  ratio: number;
  /** The goal in words, e.g. `< 100 ms`, when the figure has one. */
  target?: string | undefined;
  /** Whether the goal is met; absent when there is no goal. */
  met?: boolean | undefined;
}

/** Checks that a bench function returned well-formed results (bench files are loaded dynamically). */
export function isBenchResult(value: unknown): value is BenchResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.name === 'string' &&
    typeof r.unit === 'string' &&
    typeof r.value === 'number' &&
    typeof r.baseline === 'number' &&
    typeof r.ratio === 'number'
  );
}

/** A figure beside its baseline (ratio = value / baseline), with its goal when it has one. */
export function relativeResult(
  name: string,
  value: number,
  unit: string,
  baseline: number,
  target?: string,
  met?: boolean,
): BenchResult {
  return { name, value, unit, baseline, ratio: value / baseline, ...(target ? { target, met } : {}) };
}
