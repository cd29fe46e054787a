import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { compile } from '../../src/compiler/index.ts';
import { eventPathArbitrary } from './eventPath.ts';
import { runPath } from './pathRunner.ts';
import { generatedSpecArbitrary, type SpecJson, shippedSpecs } from './workflowPool.ts';
import { profileOf } from './workflowProfile.ts';

// Instance, subject and row ids come from randomUUID, per-subject data keys from randomBytes. Audit
// hashes cover the instance id and the sealed personal values, so two runs can only be compared hash
// for hash when both mint the same ids and keys: a counter, reset before each run. Only these sources
// are replaced; the engine, the store, the encryption and SQLite are the real ones.
const ids = vi.hoisted(() => ({ next: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const randomUUID = () => `00000000-0000-4000-8000-${(ids.next++).toString(16).padStart(12, '0')}`;
  const randomBytes = (size: number) => {
    const seed = actual
      .createHash('sha256')
      .update(`key-${ids.next++}`)
      .digest();
    return Buffer.concat(Array.from({ length: Math.ceil(size / 32) }, () => seed)).subarray(0, size);
  };
  return { ...actual, randomUUID, randomBytes, default: { ...actual, randomUUID, randomBytes } };
});

const dir = mkdtempSync(join(tmpdir(), 'hireflow-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const specArbitrary: fc.Arbitrary<SpecJson> = fc.oneof(
  { arbitrary: fc.constantFrom(...shippedSpecs()), weight: 1 },
  { arbitrary: generatedSpecArbitrary, weight: 1 },
);
const scenarioArbitrary = specArbitrary.chain((spec) =>
  fc.record({
    spec: fc.constant(spec),
    path: eventPathArbitrary(profileOf(spec).fields.length),
    // A Monday afternoon, a Friday evening before a weekend, the day before US and DE holidays, a DST week.
    startAt: fc.constantFrom(
      '2026-03-02T15:00:00Z',
      '2026-03-06T21:30:00Z',
      '2026-05-24T12:00:00Z',
      '2026-12-24T09:00:00Z',
      '2026-03-06T14:00:00Z',
    ),
  }),
);

let runs = 0;
describe('restart equivalence', () => {
  it('gives the same answers and the same database whether or not the engine restarts after every step', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ spec, path, startAt }) => {
        expect(compile(spec).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const profile = profileOf(spec);
        runs += 1;
        ids.next = 0;
        const steady = runPath(spec, profile, path, {
          file: join(dir, `steady-${runs}.db`),
          startAt,
          restartAfterEveryStep: false,
        });
        ids.next = 0;
        const restarted = runPath(spec, profile, path, {
          file: join(dir, `restarted-${runs}.db`),
          startAt,
          restartAfterEveryStep: true,
        });
        restarted.answers.forEach((answer, step) => {
          expect({ step, answer }).toEqual({ step, answer: steady.answers[step] });
        });
        expect(restarted.dump.instances).toEqual(steady.dump.instances);
        expect(restarted.dump.timers).toEqual(steady.dump.timers);
        expect(restarted.dump.auditEntries).toEqual(steady.dump.auditEntries);
        expect(restarted.dump.outbox).toEqual(steady.dump.outbox);
        expect(restarted.dump.approvalTasks).toEqual(steady.dump.approvalTasks);
        expect(restarted.dump.idempotencyKeys).toEqual(steady.dump.idempotencyKeys);
        expect(restarted.verified).toEqual(steady.verified);
        expect(steady.verified.ok).toBe(true);
        expect(restarted.replays).toEqual(steady.replays);
        for (const result of steady.replays) expect(result).toMatchObject({ ok: true });
      }),
      // Each run publishes twice and reopens the database once per step; 50 runs stay well under a minute.
      { numRuns: 50 },
    );
  }, 120_000);
});
