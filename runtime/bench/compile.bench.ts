import { compile } from '../src/compiler/index.ts';
import type { BenchResult } from './benchResult.ts';

const STATES = 500;
const FINALS = 4;
const TRANSITIONS = 2_000;
const GUARDS = [
  'level > 3',
  'candidate.source == "referral"',
  'compensation.base > 150000.0 && !isInternalTransfer',
  'department in ["Sales", "Engineering"]',
];
const EVENTS = ['ADVANCE', 'REJECT', 'ESCALATE', 'HOLD', 'RESUME'];

/**
 * A generated 500-state, 2,000-transition hiring workflow: a chain of milestones (each with an
 * unguarded ADVANCE to the next), guarded side transitions, an SLA timer on every milestone and a
 * deadline on every tenth, and four finals. Deterministic, so runs are comparable.
 */
export function generateLargeSpec(): Record<string, unknown> {
  const milestones = STATES - FINALS;
  const finals = ['hired', 'rejected', 'withdrawn', 'canceled'];
  const id = (i: number) => (i < milestones ? `stage_${i}` : (finals[i - milestones] as string));
  const perState = Math.floor(TRANSITIONS / milestones);
  const extraUntil = TRANSITIONS - perState * milestones;
  const states: Record<string, unknown>[] = [];
  for (let i = 0; i < milestones; i++) {
    const count = perState + (i < extraUntil ? 1 : 0);
    const on = Array.from({ length: count }, (_, k) =>
      k === 0
        ? { id: `t${i}_0`, event: 'ADVANCE', target: id(i + 1) }
        : {
            id: `t${i}_${k}`,
            event: EVENTS[k % EVENTS.length],
            target: id((i * 7 + k * 13) % STATES),
            guard: GUARDS[(i + k) % GUARDS.length],
            ...(k === 1
              ? { actions: [{ type: 'notify', to: [{ role: 'recruiter' }], message: 'Moved' }] }
              : {}),
          },
    );
    const timers: Record<string, unknown>[] = [
      {
        id: 'sla',
        after: { amount: 3, unit: 'businessDays' },
        actions: [{ type: 'notify', to: [{ role: 'recruiter' }], message: 'Waiting 3 business days' }],
      },
    ];
    if (i % 10 === 0)
      timers.push({
        id: 'deadline',
        kind: 'deadline',
        after: { amount: 5, unit: 'businessDays' },
        from: 'offer.sentAt',
        target: 'canceled',
      });
    states.push({ id: id(i), kind: 'milestone', label: `Stage ${i}`, on, timers });
  }
  finals.forEach((final, f) => {
    states.push({ id: final, kind: 'final', outcome: ['hired', 'rejected', 'withdrawn', 'canceled'][f] });
  });
  return {
    schemaVersion: 2,
    id: 'large-generated',
    name: 'Generated 500-state workflow',
    context: {
      level: { type: 'int' },
      'candidate.source': { type: 'string' },
      'compensation.base': { type: 'double' },
      isInternalTransfer: { type: 'bool' },
      department: { type: 'string' },
      'offer.sentAt': { type: 'timestamp' },
    },
    initial: id(0),
    states,
  };
}

interface Timing {
  /** Median wall-clock time, ms. */
  wall: number;
  /** Median CPU time of the process (all threads, GC included), ms: steadier on a shared machine. */
  cpu: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** Median wall and CPU time of `run` in ms, after warm-up runs. */
function measure(run: () => unknown, runs: number, warmup = 3): Timing {
  for (let i = 0; i < warmup; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const TARGET_MS = 100;

/**
 * Compile (schema validation + analysis + emit + hashing) of the generated spec, beside
 * `JSON.parse(JSON.stringify(spec))` of the same spec as the raw baseline. Target: under 100 ms,
 * reported as wall-clock time and as CPU time (which other processes on the machine disturb less).
 */
export async function benchCompile(): Promise<BenchResult[]> {
  const spec = generateLargeSpec();
  const check = compile(spec);
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`generated spec does not compile: ${JSON.stringify(errors[0])}`);
  const baseline = measure(() => JSON.parse(JSON.stringify(spec)), 31);
  const value = measure(() => compile(spec), 15);
  const figure = `compile ${STATES} states / ${TRANSITIONS} transitions`;
  return (['wall', 'cpu'] as const).map((clock) => ({
    name: `${figure} (${clock === 'wall' ? 'wall clock' : 'CPU time'})`,
    value: value[clock],
    unit: 'ms',
    baseline: baseline[clock],
    ratio: value[clock] / baseline[clock],
    target: `< ${TARGET_MS} ms`,
    met: value[clock] < TARGET_MS,
  }));
}
