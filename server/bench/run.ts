/**
 * `pnpm --filter @hireflow/server bench` (and the root `pnpm bench`): runs every `bench*` export of
 * every `*.bench.ts` in this folder, one after the other, and prints figure, value, baseline, ratio,
 * target and met/MISSED, with the 1-minute load average when the figure was taken. A file without a
 * bench function or a failing bench is reported and makes the exit code 1; a missed target is
 * printed, not a failure: figures are read, not asserted, on a machine that may be busy.
 *
 * `pnpm bench http` runs only the files whose names start with `http`.
 */
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchResult, isBenchResult } from './benchResult.ts';

interface Row {
  file: string;
  result?: BenchResult;
  load?: number;
  problem?: string;
}

const folder = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);

const format = (n: number): string =>
  Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3);

async function runFile(file: string): Promise<Row[]> {
  const module = (await import(pathToFileURL(`${folder}${file}`).href)) as Record<string, unknown>;
  const benches = Object.entries(module).filter(
    (entry): entry is [string, () => unknown] =>
      entry[0].startsWith('bench') && typeof entry[1] === 'function',
  );
  if (benches.length === 0) return [{ file, problem: 'exports no bench* function' }];
  const rows: Row[] = [];
  for (const [name, bench] of benches) {
    try {
      const results = await bench();
      const load = loadavg()[0];
      if (!Array.isArray(results) || !results.every(isBenchResult))
        rows.push({ file, problem: `${name}() did not return BenchResult[]` });
      else for (const result of results) rows.push({ file, result, ...(load === undefined ? {} : { load }) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      rows.push({ file, problem: `${name}() failed: ${message}` });
    }
  }
  return rows;
}

function printTable(rows: Row[]): void {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'met', 'load'];
  const lines = rows.flatMap(({ result: r, load }) =>
    r
      ? [
          [
            r.name,
            `${format(r.value)} ${r.unit}`,
            `${format(r.baseline)} ${r.unit} (${r.baselineLabel})`,
            `${r.ratio.toFixed(2)}x`,
            r.target ?? '-',
            r.met === undefined ? '-' : r.met ? 'met' : 'MISSED',
            load === undefined ? '-' : load.toFixed(2),
          ],
        ]
      : [],
  );
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

const files = readdirSync(folder)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
const [loadBefore] = loadavg();
const rows: Row[] = [];
for (const file of files) {
  console.error(`running ${file}…`);
  try {
    rows.push(...(await runFile(file)));
  } catch (error) {
    rows.push({ file, problem: `cannot load: ${error instanceof Error ? error.message : String(error)}` });
  }
}
printTable(rows);
const problems = rows.filter((row) => row.problem);
for (const row of problems) console.error(`${row.file}: ${row.problem}`);
const [loadAfter] = loadavg();
console.log(
  `\n${cpus().length} CPUs, load average ${loadBefore?.toFixed(2)} before, ${loadAfter?.toFixed(2)} after ` +
    '(a busy machine inflates wall-clock figures; the load generator and the server share it)',
);
if (problems.length > 0 || files.length === 0) process.exitCode = 1;
