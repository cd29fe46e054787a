/**
 * `pnpm --filter @hireflow/runtime bench`: runs every `bench*` export of every `*.bench.ts` in this
 * folder, one after the other, and prints figure, value, baseline, ratio and target. A file without a
 * bench function or a failing bench is reported and makes the exit code 1. A missed target is printed
 * (MISSED) but does not fail the run: figures are read, not asserted, on a machine that may be busy.
 */
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchResult, isBenchResult } from './benchResult.ts';

interface Row {
  file: string;
  result?: BenchResult;
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
      if (!Array.isArray(results) || !results.every(isBenchResult))
        rows.push({ file, problem: `${name}() did not return {name, value, unit, baseline, ratio}[]` });
      else for (const result of results) rows.push({ file, result });
    } catch (error) {
      rows.push({
        file,
        problem: `${name}() failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return rows;
}

function printTable(rows: Row[]): void {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target'];
  const lines = rows.flatMap((row) => {
    const r = row.result;
    if (!r) return [];
    const target = r.target ? `${r.target} ${r.met === false ? 'MISSED' : 'ok'}` : '-';
    return [
      [
        r.name,
        `${format(r.value)} ${r.unit}`,
        `${format(r.baseline)} ${r.unit}`,
        `${r.ratio.toFixed(2)}x`,
        target,
      ],
    ];
  });
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
const [load] = loadavg();
console.log(
  `\n${cpus().length} CPUs, load average ${load?.toFixed(2)} (a busy machine inflates wall-clock figures)`,
);
if (problems.length > 0 || files.length === 0) process.exitCode = 1;
