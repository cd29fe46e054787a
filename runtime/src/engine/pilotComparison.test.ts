import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness, SAMPLE_SPEC } from '../../test/engineHarness.ts';
import { getWorkflow, updateDraft } from '../store/index.ts';
import { applyMigration } from './migration.ts';
import { changeRouting, cohortStats, comparePilot } from './pilotComparison.ts';
import { subjectBucket } from './routing.ts';
import { fireDueTimers } from './scheduler.ts';

let h: Harness;
let v2 = '';
beforeEach(() => {
  h = createHarness();
  const spec = structuredClone(SAMPLE_SPEC);
  spec.states[1].timers[0].after.amount = 2;
  updateDraft(h.db, 'sample-hiring', 0, { draftSpec: spec, now: h.clock.now().getTime() });
  const published = h.engine.publish({
    workflowId: 'sample-hiring',
    actor: actors.admin,
    changelog: 'faster reminder',
  });
  if (published.kind === 'invalid') throw new Error('v2 invalid');
  v2 = published.version.id;
});
afterEach(() => h.close());

const start = (externalRef: string, businessUnit = 'engineering') => {
  const r = h.engine.start({
    workflowId: 'sample-hiring',
    businessUnit,
    subject: { kind: 'candidate', externalRef },
    context: {},
    actor: actors.admin,
  });
  if (!r.ok) throw new Error(r.message);
  return r.instanceId;
};
const versionOf = (id: string) =>
  (h.db.sqlite.prepare('select version_id as v from instances where id = ?').get(id) as { v: string }).v;

describe('pilot routing', () => {
  it('routes a pilot business unit to the pilot version and keeps running instances pinned on promote and rollback', () => {
    const before = start('cand-0');
    changeRouting(
      h.db,
      h.clock,
      'sample-hiring',
      { defaultVersion: h.versionId, pilot: { versionId: v2, businessUnits: ['sales'] } },
      actors.admin,
    );
    expect(versionOf(start('cand-1', 'sales'))).toBe(v2);
    expect(versionOf(start('cand-2', 'engineering'))).toBe(h.versionId);
    const previous = changeRouting(h.db, h.clock, 'sample-hiring', { defaultVersion: v2 }, actors.admin);
    expect(previous.pilot?.versionId).toBe(v2);
    expect(versionOf(start('cand-3'))).toBe(v2);
    changeRouting(h.db, h.clock, 'sample-hiring', previous, actors.admin);
    expect(versionOf(start('cand-4'))).toBe(h.versionId);
    expect(versionOf(before)).toBe(h.versionId);
  });

  it('puts the same candidate on the same side of a percentage pilot, and about that share of candidates', () => {
    changeRouting(
      h.db,
      h.clock,
      'sample-hiring',
      { defaultVersion: h.versionId, pilot: { versionId: v2, percentage: 30 } },
      actors.admin,
    );
    const sides = Array.from({ length: 200 }, (_, i) => versionOf(start(`cand-${i}`)));
    const again = Array.from({ length: 200 }, (_, i) => versionOf(start(`cand-${i}`)));
    expect(again).toEqual(sides);
    const share = sides.filter((v) => v === v2).length / sides.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    expect(subjectBucket('x', 'sample-hiring')).toBe(subjectBucket('x', 'sample-hiring'));
  });

  it('refuses a version of another workflow', () => {
    expect(() =>
      changeRouting(h.db, h.clock, 'sample-hiring', { defaultVersion: 'other@1' }, actors.admin),
    ).toThrow(/not a version/);
    expect(getWorkflow(h.db, 'sample-hiring')?.routing.defaultVersion).toBe(h.versionId);
  });
});

describe('pilot comparison', () => {
  it('reports time in stage, SLA breaches, escalations and drop-off per cohort', () => {
    changeRouting(
      h.db,
      h.clock,
      'sample-hiring',
      { defaultVersion: h.versionId, pilot: { versionId: v2, businessUnits: ['sales'] } },
      actors.admin,
    );
    const a = start('a');
    const b = start('b', 'sales');
    h.clock.set('2026-03-05T09:00:00Z');
    fireDueTimers(h.engine);
    h.engine.send(a, { type: 'ADVANCE' }, { actor: actors.recruiter });
    h.engine.send(
      b,
      { type: 'REJECT' },
      { actor: { ...actors.recruiter, businessUnits: ['sales'] }, note: 'not a fit' },
    );
    const comparison = comparePilot(
      h.db,
      'sample-hiring',
      getWorkflow(h.db, 'sample-hiring')?.routing ?? { defaultVersion: null },
    );
    expect(comparison.default).toMatchObject({
      instances: 1,
      escalations: 0,
      slaBreachRate: 0,
      timeInState: { screen: { count: 1, median: 66 } },
    });
    expect(comparison.pilot).toMatchObject({
      instances: 1,
      finished: 1,
      escalations: 1,
      slaBreachRate: 1,
      dropOff: { screen: 1 },
    });
    expect(cohortStats(h.db, 'sample-hiring', v2).timeInState.screen?.count).toBe(1);
  });

  it('keeps a migrated instance in the cohort of the version it started on', () => {
    const id = start('migrating');
    applyMigration(
      h.db,
      h.clock,
      { workflowId: 'sample-hiring', fromVersionId: h.versionId, toVersionId: v2 },
      actors.admin,
    );
    expect(versionOf(id)).toBe(v2);
    expect(cohortStats(h.db, 'sample-hiring', h.versionId).instances).toBe(1);
    expect(cohortStats(h.db, 'sample-hiring', v2).instances).toBe(0);
  });
});
