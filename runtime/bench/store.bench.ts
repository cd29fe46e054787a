import { seedAuditLog } from '../src/audit/testLog.ts';
import { getInstance } from '../src/store/index.ts';
import { openTempDatabase } from '../src/store/openTempDatabase.ts';
import type { BenchResult } from './benchResult.ts';

/** Runs `fn` repeatedly for about `ms` and returns operations per second (`fn` returns its op count). */
function throughput(ms: number, fn: () => number): number {
  const start = performance.now();
  let ops = 0;
  while (performance.now() - start < ms) ops += fn();
  return (ops * 1000) / (performance.now() - start);
}

const raw = (name: string, value: number, unit: string): BenchResult => ({
  name,
  value,
  unit,
  baseline: value,
  ratio: 1,
});
const relative = (name: string, value: number, unit: string, baseline: number): BenchResult => ({
  name,
  value,
  unit,
  baseline,
  ratio: value / baseline,
});

/**
 * Store baselines: `C_full` (single-row autocommit inserts, WAL + synchronous=FULL), `R_batch`
 * (rows/s at 1,000 rows per transaction), and a drizzle prepared read against the same read on a raw prepared statement.
 */
export async function benchStore(): Promise<BenchResult[]> {
  const temp = openTempDatabase();
  try {
    const { db } = temp;
    db.sqlite.exec('create table bench_rows (id integer primary key, payload text not null)');
    const insert = db.sqlite.prepare('insert into bench_rows (payload) values (?)');
    const payload = JSON.stringify({ type: 'ADVANCE', payload: { step: 1 }, at: new Date(0).toISOString() });

    const cFull = throughput(1500, () => {
      insert.run(payload);
      return 1;
    });
    const batch = db.sqlite.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run(payload);
    });
    const rBatch = throughput(1500, () => {
      batch.immediate();
      return 1000;
    });

    seedAuditLog(db, 200, 1);

    const rawGet = db.sqlite.prepare('select * from instances where id = ?');
    const rawRead = throughput(500, () => {
      for (let i = 1; i <= 200; i++) {
        const row = rawGet.get(`i${i}`) as { snapshot: string; state_value: string };
        JSON.parse(row.snapshot);
        JSON.parse(row.state_value);
      }
      return 200;
    });
    const drizzleRead = throughput(500, () => {
      for (let i = 1; i <= 200; i++) getInstance(db, `i${i}`);
      return 200;
    });

    return [
      raw('C_full (insert, autocommit, WAL + synchronous=FULL)', cFull, 'ops/s'),
      raw('R_batch (insert, 1,000 rows per transaction)', rBatch, 'rows/s'),
      relative('getInstance (drizzle prepared) vs raw prepared read', drizzleRead, 'reads/s', rawRead),
    ];
  } finally {
    temp.dispose();
  }
}
