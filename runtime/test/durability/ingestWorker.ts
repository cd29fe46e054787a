/**
 * Child process of the kill -9 battery: opens the database named on argv and ingests the deterministic
 * event list, re-sending all of it after every restart (idempotency keys dedupe what already committed).
 * Prints `started <i> <instanceId>` per instance and `ack <key> <new|replay>` after `engine.send`
 * returned, i.e. after the commit; a line printed is an event acknowledged.
 */
import { writeSync } from 'node:fs';
import { createEngine, SystemClock } from '../../src/engine/index.ts';
import { openDatabase } from '../../src/store/index.ts';
import { INGEST_INSTANCES, ingestEvents, ingestStart } from './ingestPlan.ts';

// Synchronous writes: the line is in the pipe before the next event starts, so a kill cannot
// swallow an acknowledgement that was already given.
const say = (line: string) => writeSync(1, `${line}\n`);

const file = process.argv[2];
if (!file) throw new Error('usage: ingestWorker <database file>');
const db = openDatabase(file);
const engine = createEngine({ db, clock: new SystemClock() });

const ids: string[] = [];
for (let i = 0; i < INGEST_INSTANCES; i++) {
  const started = engine.start(ingestStart(i));
  if (!started.ok) throw new Error(`start ${i} refused: ${started.code}`);
  ids.push(started.instanceId);
  say(`started ${i} ${started.instanceId}`);
}
for (const { instance, key, event } of ingestEvents()) {
  const result = engine.send(ids[instance] as string, event, {
    actor: ingestStart(instance).actor,
    idempotencyKey: key,
  });
  if (!result.ok) {
    say(`refused ${key} ${result.code}`);
    process.exit(2);
  }
  say(`ack ${key} ${result.replayed ? 'replay' : 'new'}`);
}
db.close();
say('done');
