import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listAuditEntries, verify } from '../../src/audit/index.ts';
import { createEngine, ManualClock, replay } from '../../src/engine/index.ts';
import { openSealed } from '../../src/privacy/protect.ts';
import { openVault, subjectRefOf } from '../../src/privacy/subjectVault.ts';
import {
  createWorkflow,
  getInstance,
  type HireflowDb,
  listTimers,
  openDatabase,
} from '../../src/store/index.ts';
import { startWorker } from './childWorker.ts';
import { INGEST_EVENTS_PER_INSTANCE, INGEST_INSTANCES, INGEST_SPEC, ingestEventAt } from './ingestPlan.ts';

const dir = mkdtempSync(join(tmpdir(), 'hireflow-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small seeded generator, so a failing battery can be re-run with the seed it prints. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function publishIngestWorkflow(file: string): void {
  const db = openDatabase(file);
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  createWorkflow(db, {
    id: INGEST_SPEC.id,
    name: INGEST_SPEC.name,
    businessUnit: 'engineering',
    draftSpec: INGEST_SPEC as never,
    now: clock.now().getTime(),
  });
  const admin = { id: 'u-admin', role: 'admin', via: 'cli', businessUnits: '*' } as const;
  createEngine({ db, clock }).publish({ workflowId: INGEST_SPEC.id, actor: admin, changelog: 'ingest' });
  db.close();
}

/** The `n` of each applied event in one instance's audit chain (after its start entry), in chain order. */
function appliedPositions(db: HireflowDb, instanceId: string): number[] {
  // Event payloads are sealed under the subject's key in the log: open them to read the positions.
  const row = getInstance(db, instanceId);
  const vault = openVault(db, row ? subjectRefOf(row) : '');
  const entries = listAuditEntries(db, instanceId);
  expect(entries[0]?.kind).toBe('start');
  return entries.slice(1).map((entry) => {
    // Refusals would mean an event ran against the wrong state: a duplicate or a reordering.
    expect(entry.kind).toBe('transition');
    const payload = openSealed(entry.event.payload, vault) as { n?: number; patch?: { round?: number } };
    const n = payload.n ?? payload.patch?.round;
    expect({ ...entry.event, payload }).toMatchObject(ingestEventAt(n as number));
    return n as number;
  });
}

/**
 * What the database holds after a kill: per instance, a gap-free prefix of the list (nothing applied
 * twice, nothing skipped), and every key acknowledged so far is in it.
 */
function checkAfterKill(file: string, instanceIds: Map<number, string>, acknowledged: Set<string>) {
  const db = openDatabase(file);
  try {
    for (const [instance, id] of instanceIds) {
      const applied = appliedPositions(db, id);
      expect(applied).toEqual(applied.map((_, n) => n));
      for (let n = 0; n < INGEST_EVENTS_PER_INSTANCE; n++) {
        if (acknowledged.has(`${instance}:${n}`))
          expect(n, `acknowledged ${instance}:${n} lost`).toBeLessThan(applied.length);
      }
    }
    expect(verify(db)).toMatchObject({ ok: true });
  } finally {
    db.close();
  }
}

describe('kill -9 battery', () => {
  it('loses no acknowledged event and applies none twice across random SIGKILLs', async () => {
    // Re-run a failure with DURABILITY_SEED=<the seed it printed>.
    const seed = Number(process.env.DURABILITY_SEED ?? Date.now());
    const random = seededRandom(seed);
    const file = join(dir, 'ingest.db');
    publishIngestWorkflow(file);
    const acknowledged = new Set<string>();
    const instanceIds = new Map<number, string>();
    const kills = 5 + Math.floor(random() * 6);
    let killed = 0;

    for (let life = 0; life < kills; life++) {
      const worker = startWorker('./ingestWorker.ts', [file]);
      // Kill once this life has committed a random number of new events, plus a random 0–4 ms so the
      // signal lands anywhere: inside a transaction, during the fsync, between commit and print.
      const target = 1 + Math.floor(random() * 40);
      let fresh = 0;
      const due = await worker.waitFor(
        (line) => line === 'done' || (line.endsWith(' new') && ++fresh >= target),
      );
      if (due === '') {
        const exit = await worker.exited;
        expect.fail(
          `seed ${seed}: worker died on its own (${exit.code}): ${worker.lines.at(-1)} ${worker.stderr()}`,
        );
      }
      if (due === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, random() * 4));
      worker.process.kill('SIGKILL');
      const exit = await worker.exited;
      if (exit.signal === 'SIGKILL') killed += 1;
      for (const line of worker.lines) {
        const [word, first, second] = line.split(' ');
        if (word === 'started') {
          // The start's idempotency key hands every life the same instance.
          expect(instanceIds.get(Number(first)) ?? second).toBe(second);
          instanceIds.set(Number(first), second as string);
        }
        if (word === 'ack') {
          // A key acknowledged in an earlier life must come back as a replay, never be applied again.
          if (acknowledged.has(first as string))
            expect(second, `seed ${seed}: ${first} re-applied`).toBe('replay');
          acknowledged.add(first as string);
        }
      }
      checkAfterKill(file, instanceIds, acknowledged);
    }
    expect(killed, `seed ${seed}: the worker finished before it could be killed`).toBeGreaterThanOrEqual(5);

    const last = startWorker('./ingestWorker.ts', [file]);
    expect(await last.exited, last.stderr()).toEqual({ code: 0, signal: null });
    const lastAcks = new Map(
      last.lines
        .filter((line) => line.startsWith('ack '))
        .map((line) => line.split(' ').slice(1) as [string, string]),
    );
    expect(lastAcks.size).toBe(INGEST_INSTANCES * INGEST_EVENTS_PER_INSTANCE);
    for (const key of acknowledged)
      expect(lastAcks.get(key), `seed ${seed}: ${key} re-applied`).toBe('replay');

    const db = openDatabase(file);
    try {
      expect(verify(db)).toMatchObject({ ok: true, instancesChecked: INGEST_INSTANCES });
      const every = Array.from({ length: INGEST_EVENTS_PER_INSTANCE }, (_, n) => n);
      for (const id of instanceIds.values()) {
        expect(appliedPositions(db, id)).toEqual(every);
        expect(replay(db, id)).toMatchObject({ ok: true, steps: INGEST_EVENTS_PER_INSTANCE + 1 });
        // 45 events end on a RETURN: the instance is open again and its review SLA timer was canceled.
        expect(listTimers(db, id).filter((t) => t.status === 'armed')).toEqual([]);
      }
      const revisions = db.sqlite.prepare('select revision from instances').pluck().all();
      expect(revisions).toEqual(Array(INGEST_INSTANCES).fill(INGEST_EVENTS_PER_INSTANCE + 1));
    } finally {
      db.close();
    }
  }, 90_000);
});
