/**
 * Child process of the concurrency test: opens the database named on argv, prints `ready`, waits for a
 * line on stdin (the test writes it to both racers at once), then sends its list of events as fast as
 * it can and prints one JSON line per answer: `{ "instanceId", "type", "result" }`.
 */
import { readFileSync, writeSync } from 'node:fs';
import {
  createEngine,
  loadVersion,
  type PersistedSnapshot,
  planEvent,
  SystemClock,
} from '../../src/engine/index.ts';
import { getInstance, openDatabase } from '../../src/store/index.ts';
import type { RaceSend } from './raceSends.ts';

const [file, planFile] = process.argv.slice(2);
if (!file || !planFile) throw new Error('usage: raceWorker <database> <plan.json>');
const sends = JSON.parse(readFileSync(planFile, 'utf8')) as RaceSend[];
const db = openDatabase(file);
const engine = createEngine({ db, clock: new SystemClock() });

// Warm up (load the version, build the machine, compile guards) with a pure plan that writes nothing,
// so neither racer spends its first milliseconds on work the other has already done.
for (const { instanceId, type, note, actor } of sends.slice(0, 3)) {
  const row = getInstance(db, instanceId);
  const loaded = row && loadVersion(db, row.versionId);
  if (!row || !loaded) throw new Error(`no instance ${instanceId}`);
  const at = new Date().toISOString();
  planEvent(loaded.definition, row.snapshot as unknown as PersistedSnapshot, { type, actor, at }, note);
}
const pause = new Int32Array(new SharedArrayBuffer(4));
writeSync(1, 'ready\n');
process.stdin.once('data', () => {
  for (const { instanceId, type, note, idempotencyKey, actor } of sends) {
    const result = engine.send(instanceId, { type }, { actor, note, idempotencyKey });
    writeSync(1, `${JSON.stringify({ instanceId, type, result })}\n`);
    // SQLite's busy handler sleeps between retries, so a writer that re-takes the lock at once would
    // starve the other racer (a lock convoy): pause 0-3 ms, as clients between requests do.
    Atomics.wait(pause, 0, 0, Math.random() * 3);
  }
  db.close();
  process.exit(0);
});
