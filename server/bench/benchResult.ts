/**
 * One bench figure beside the raw baseline it is judged against, measured in the same run, so the
 * ratio means something on any machine. Each `*.bench.ts` exports `bench*()` functions returning these.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  /** What the baseline is, e.g. `raw node:http echo`. */
  baselineLabel: string;
  /** value / baseline. */
  ratio: number;
  /** The goal in words, e.g. `>= 0.9x`, when the figure has one. */
  target?: string | undefined;
  /** Whether the goal is met; absent when there is no goal. */
  met?: boolean | undefined;
}

/** Builds a {@link BenchResult}, computing the ratio. */
export function benchResult(
  figure: Omit<BenchResult, 'ratio' | 'met'>,
  met?: (value: number, ratio: number) => boolean,
): BenchResult {
  const ratio = figure.value / figure.baseline;
  return { ...figure, ratio, met: met?.(figure.value, ratio) };
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
    typeof r.baselineLabel === 'string' &&
    typeof r.ratio === 'number'
  );
}
