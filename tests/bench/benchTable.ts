/** One printed figure beside its same-run baseline (the shape of runtime/bench's BenchResult). */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  target?: string;
  met?: boolean;
}

/** Builds a row; the ratio is value / baseline. */
export function row(
  name: string,
  value: number,
  unit: string,
  baseline: number,
  goal: { target: string; met: boolean },
): BenchRow {
  return { name, value, unit, baseline, ratio: value / baseline, ...goal };
}

const format = (n: number): string =>
  Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3);

/** Prints figure, value, baseline, ratio, target as an aligned table. */
export function printTable(rows: readonly BenchRow[]): void {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target'];
  const lines = rows.map((r) => [
    r.name,
    `${format(r.value)} ${r.unit}`,
    `${format(r.baseline)} ${r.unit}`,
    `${r.ratio.toFixed(2)}x`,
    r.target ? `${r.target} ${r.met === false ? 'MISSED' : 'ok'}` : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  console.log(render(header));
  console.log(render(widths.map((w) => '-'.repeat(w))));
  for (const line of lines) console.log(render(line));
}
