import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries, verify } from '../../src/audit/index.ts';
import { replay, type StepResult } from '../../src/engine/index.ts';
import { getInstance, type HireflowDb, openDatabase } from '../../src/store/index.ts';
import { actors, createHarness } from '../engineHarness.ts';
import { type ChildWorker, startWorker } from './childWorker.ts';
import { RACES, type RaceName } from './raceSends.ts';

const PER_RACE = 25;
const raceNames = Object.keys(RACES) as RaceName[];

interface Answer {
  instanceId: string;
  type: string;
  result: StepResult;
}

const instancesOf = new Map<RaceName, string[]>();
const answersOf = new Map<string, [Answer, Answer]>();
let dir: string;
let db: HireflowDb;

/**
 * Two processes, each with its own connection and engine, send conflicting events to the same
 * instances at the same moment: racer 0 the first event of each race, racer 1 the second.
 */
beforeAll(async () => {
  const h = createHarness();
  dir = h.dir;
  for (const name of raceNames) {
    const ids = Array.from({ length: PER_RACE }, () => {
      const started = h.engine.start({
        workflowId: 'sample-hiring',
        businessUnit: 'engineering',
        subject: { kind: 'candidate' },
        context: { candidate: { source: 'inbound' }, level: 4 },
        actor: actors.recruiter,
      });
      if (!started.ok) throw new Error(started.message);
      return started.instanceId;
    });
    instancesOf.set(name, ids);
  }
  h.db.close();
  // Interleave the races so both racers hit every kind of conflict all along the run.
  const order = Array.from({ length: PER_RACE }, (_, i) =>
    raceNames.map((name) => RACES[name](instancesOf.get(name)?.[i] as string)),
  ).flat();
  const racers: ChildWorker[] = [0, 1].map((side) => {
    const plan = join(dir, `racer-${side}.json`);
    writeFileSync(plan, JSON.stringify(order.map((pair) => pair[side])));
    return startWorker('./raceWorker.ts', [h.file, plan]);
  });
  await Promise.all(racers.map((racer) => racer.waitFor((line) => line === 'ready')));
  for (const racer of racers) racer.process.stdin?.write('go\n');
  const exits = await Promise.all(racers.map((racer) => racer.exited));
  expect(exits, racers.map((racer) => racer.stderr()).join('\n')).toEqual([
    { code: 0, signal: null },
    { code: 0, signal: null },
  ]);
  const [first, second] = racers.map((racer) =>
    racer.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Answer),
  ) as [Answer[], Answer[]];
  first.forEach((answer, i) => {
    answersOf.set(answer.instanceId, [answer, second[i] as Answer]);
  });
  db = openDatabase(h.file);
}, 60_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const committed = (answers: Answer[]) => answers.filter((a) => a.result.ok && !a.result.replayed);

describe('concurrent sends on one instance', () => {
  it('ends an instance once when WITHDRAW and REJECT race; the loser finds it done', () => {
    for (const id of instancesOf.get('endings') ?? []) {
      const answers = answersOf.get(id) as [Answer, Answer];
      expect(committed(answers)).toHaveLength(1);
      const loser = answers.find((a) => !a.result.ok);
      expect(loser?.result).toMatchObject({ ok: false, code: 'INSTANCE_DONE' });
      expect(getInstance(db, id)).toMatchObject({ status: 'done', revision: 2 });
      expect(listAuditEntries(db, id).map((e) => e.kind)).toEqual(['start', 'transition', 'refused']);
    }
  });

  it('applies a retried request once; the other connection gets the stored answer', () => {
    for (const id of instancesOf.get('retried') ?? []) {
      const [a, b] = answersOf.get(id) as [Answer, Answer];
      const [winner, repeat] = a.result.ok && a.result.replayed ? [b, a] : [a, b];
      expect(winner.result).toMatchObject({ ok: true, from: ['screen'], to: ['interviews'], revision: 2 });
      expect(repeat.result).toEqual({ ...winner.result, replayed: true });
      expect(getInstance(db, id)).toMatchObject({ revision: 2 });
      expect(listAuditEntries(db, id).map((e) => e.kind)).toEqual(['start', 'transition']);
    }
  });

  it('serializes two distinct ADVANCEs: revisions 2 then 3, never both from screen', () => {
    for (const id of instancesOf.get('distinct') ?? []) {
      const answers = answersOf.get(id) as [Answer, Answer];
      const steps = committed(answers)
        .map((a) => a.result)
        .sort((x, y) => (x.ok && y.ok ? x.revision - y.revision : 0));
      expect(steps).toMatchObject([
        { revision: 2, from: ['screen'], to: ['interviews'] },
        { revision: 3, from: ['interviews'], to: ['offer_approval:hiring_manager'] },
      ]);
      expect(getInstance(db, id)).toMatchObject({ revision: 3 });
    }
  });

  it('leaves a log that verifies and replays for every instance', () => {
    expect(verify(db)).toMatchObject({ ok: true, instancesChecked: PER_RACE * raceNames.length });
    for (const ids of instancesOf.values())
      for (const id of ids) expect(replay(db, id)).toMatchObject({ ok: true });
  });

  it('really raced: the two racers wrote to the log in turns, not one after the other', () => {
    const writerOf = new Map<number, number>();
    for (const answers of answersOf.values()) {
      answers.forEach((answer, side) => {
        const { result } = answer;
        if (result.auditSeq !== undefined && !(result.ok && result.replayed))
          writerOf.set(result.auditSeq, side);
      });
    }
    const order = [...writerOf.entries()].sort(([a], [b]) => a - b).map(([, side]) => side);
    const turns = order.filter((side, i) => i > 0 && side !== order[i - 1]).length;
    // A property of the test, not of the engine: two racers run one after the other take a single turn.
    expect(turns).toBeGreaterThan(10);
  });
});
