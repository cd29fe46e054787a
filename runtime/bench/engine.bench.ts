import { readFileSync } from 'node:fs';
import { initialTransition, transition } from 'xstate';
import { compile, createHireflowMachine } from '../src/compiler/index.ts';
import {
  createEngine,
  createGroupCommitter,
  type Engine,
  type EngineActor,
  fireDueTimers,
  ManualClock,
  replay,
} from '../src/engine/index.ts';
import { createWorkflow, openTempDatabase } from '../src/store/index.ts';
import { type BenchResult, relativeResult } from './benchResult.ts';

const SPEC = JSON.parse(readFileSync(new URL('../samples/hiring.workflow.json', import.meta.url), 'utf8'));
const ACTOR: EngineActor = { id: 'bench', role: 'recruiter', via: 'api', businessUnits: '*' };
const TIMER_COUNT = Number(process.env.BENCH_TIMERS ?? 30_000);

function throughput(ms: number, fn: () => number): number {
  const start = performance.now();
  let ops = 0;
  while (performance.now() - start < ms) ops += fn();
  return (ops * 1000) / (performance.now() - start);
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

function setup() {
  const temp = openTempDatabase();
  const clock = new ManualClock('2026-03-02T15:00:00Z');
  const engine = createEngine({ db: temp.db, clock });
  createWorkflow(temp.db, {
    id: SPEC.id,
    name: SPEC.name,
    businessUnit: 'engineering',
    draftSpec: SPEC,
    now: 0,
  });
  engine.publish({ workflowId: SPEC.id, actor: { ...ACTOR, role: 'admin' }, changelog: 'bench' });
  return { temp, clock, engine };
}

function startMany(engine: Engine, count: number): string[] {
  const ids: string[] = [];
  engine.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const r = engine.start({
        workflowId: SPEC.id,
        businessUnit: 'engineering',
        subject: { kind: 'candidate' },
        context: { candidate: { source: 'inbound' } },
        actor: ACTOR,
      });
      if (!r.ok) throw new Error(r.message);
      ids.push(r.instanceId);
    }
  });
  return ids;
}

/**
 * Engine figures of the runtime issue, each beside a raw baseline measured here and now:
 * C_full (single-row autocommit insert, WAL + FULL), R_batch (rows/s at 1,000 per transaction),
 * X (pure xstate transitions/s on the same machine).
 */
export async function benchEngine(): Promise<BenchResult[]> {
  const rssBefore = process.memoryUsage().rss;
  const { temp, clock, engine } = setup();
  try {
    const { db } = temp;
    db.sqlite.exec('create table bench_rows (id integer primary key, payload text not null)');
    const insert = db.sqlite.prepare('insert into bench_rows (payload) values (?)');
    const payload = 'x'.repeat(300);
    const insertLatencies: number[] = [];
    const cFull = throughput(1500, () => {
      const t = performance.now();
      insert.run(payload);
      insertLatencies.push(performance.now() - t);
      return 1;
    });
    const batch = db.sqlite.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run(payload);
    });
    const rBatch = throughput(1500, () => {
      batch.immediate();
      return 1000;
    });

    const definition = compile(SPEC).definition;
    if (!definition) throw new Error('sample does not compile');
    const machine = createHireflowMachine(definition);
    const [s0] = initialTransition(machine, { context: {} });
    let level = 0;
    const x = throughput(1500, () => {
      transition(machine, s0, {
        type: 'UPDATE_CONTEXT',
        payload: { patch: { level: level++ } },
        actor: ACTOR,
        at: '2026-03-02T15:00:00Z',
      });
      return 1;
    });

    const ids = startMany(engine, 500);
    const latencies: number[] = [];
    let n = 0;
    const durable = throughput(2500, () => {
      const t = performance.now();
      const r = engine.send(
        ids[n % ids.length] as string,
        { type: 'UPDATE_CONTEXT', payload: { patch: { level: n } } },
        { actor: ACTOR },
      );
      latencies.push(performance.now() - t);
      if (!r.ok) throw new Error(r.message);
      n += 1;
      return 1;
    });
    latencies.sort((a, b) => a - b);
    insertLatencies.sort((a, b) => a - b);

    const committer = createGroupCommitter(engine, { maxDelayMs: 2 });
    let m = 0;
    const groupStart = performance.now();
    let groupOps = 0;
    while (performance.now() - groupStart < 2500) {
      const wave: Promise<unknown>[] = [];
      for (let i = 0; i < 2000; i++) {
        wave.push(
          committer.send(
            ids[m % ids.length] as string,
            { type: 'UPDATE_CONTEXT', payload: { patch: { level: m } } },
            { actor: ACTOR },
          ),
        );
        m += 1;
      }
      await Promise.all(wave);
      groupOps += wave.length;
    }
    const grouped = (groupOps * 1000) / (performance.now() - groupStart);

    const replayed = throughput(1500, () => replay(db, ids[0] as string)?.steps ?? 0);

    startMany(engine, Math.ceil(TIMER_COUNT / 3));
    const onDisk = (db.sqlite.prepare('select count(*) as n from instances').get() as { n: number }).n;
    clock.set('2026-04-30T15:00:00Z');
    const lateness: number[] = [];
    const t0 = performance.now();
    let fired = 0;
    for (let k = fireDueTimers(engine, 2000); k > 0; k = fireDueTimers(engine, 2000)) {
      fired += k;
      const now = performance.now() - t0;
      for (let i = 0; i < k; i++) lateness.push(now);
    }
    lateness.sort((a, b) => a - b);

    return [
      relativeResult('C_full: raw insert, autocommit, WAL + synchronous=FULL', cFull, 'ops/s', cFull),
      relativeResult('R_batch: raw insert, 1,000 rows per transaction', rBatch, 'rows/s', rBatch),
      relativeResult('X: pure xstate transition() on the sample machine', x, 'transitions/s', x),
      relativeResult(
        'durable engine.send, one event per transaction vs C_full',
        durable,
        'events/s',
        cFull,
        '>= 0.8x',
        durable >= 0.8 * cFull,
      ),
      relativeResult(
        'group commit (<= 2 ms, ack after commit) vs R_batch',
        grouped,
        'events/s',
        rBatch,
        '>= 0.25x',
        grouped >= 0.25 * rBatch,
      ),
      relativeResult(
        'persisted transition latency p99 vs raw insert p99',
        quantile(latencies, 0.99),
        'ms',
        quantile(insertLatencies, 0.99),
        '<= 1 ms',
        quantile(latencies, 0.99) <= 1,
      ),
      relativeResult(
        'persisted transition latency p99.9 vs raw insert p99.9',
        quantile(latencies, 0.999),
        'ms',
        quantile(insertLatencies, 0.999),
        '<= 2 ms',
        quantile(latencies, 0.999) <= 2,
      ),
      relativeResult('replay vs X', replayed, 'entries/s', x, '>= 50,000/s', replayed >= 50_000),
      relativeResult(
        `process RSS with ${onDisk.toLocaleString('en-US')} instances on disk vs RSS before the bench`,
        process.memoryUsage().rss / 1e6,
        'MB',
        rssBefore / 1e6,
        '< 300 MB (at 1M instances)',
        process.memoryUsage().rss < 300e6,
      ),
      relativeResult(
        `${fired.toLocaleString('en-US')} timers due at once: p99 lateness vs 1 ms`,
        quantile(lateness, 0.99),
        'ms',
        1,
        '<= 100 ms',
        quantile(lateness, 0.99) <= 100,
      ),
    ];
  } finally {
    temp.dispose();
  }
}
