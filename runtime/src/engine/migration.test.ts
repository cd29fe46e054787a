import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness, SAMPLE_SPEC } from '../../test/engineHarness.ts';
import { listAuditEntries, verify } from '../audit/index.ts';
import { getInstance, listTimers, updateDraft } from '../store/index.ts';
import { applyMigration, invertStateMap, planMigration } from './migration.ts';
import { replay } from './replay.ts';

let h: Harness;
let v2 = '';
beforeEach(() => {
  h = createHarness();
  const spec = structuredClone(SAMPLE_SPEC);
  const interviews = spec.states[2];
  interviews.id = 'interviewing';
  interviews.timers = [
    {
      id: 'nudge',
      after: { amount: 2, unit: 'businessDays' },
      actions: [{ type: 'notify', to: [{ role: 'recruiter' }], message: 'Schedule the loop' }],
    },
  ];
  for (const state of spec.states) {
    for (const t of state.on ?? []) if (t.target === 'interviews') t.target = 'interviewing';
    for (const b of state.branches ?? []) if (b.target === 'interviews') b.target = 'interviewing';
    if (state.approval?.onRejected === 'interviews') state.approval.onRejected = 'interviewing';
  }
  updateDraft(h.db, 'sample-hiring', 0, { draftSpec: spec, now: h.clock.now().getTime() });
  const published = h.engine.publish({
    workflowId: 'sample-hiring',
    actor: actors.admin,
    changelog: 'rename interviews',
  });
  if (published.kind === 'invalid') throw new Error(JSON.stringify(published.diagnostics));
  v2 = published.version.id;
});
afterEach(() => h.close());

function startAt(events: string[]): string {
  const r = h.engine.start({
    workflowId: 'sample-hiring',
    businessUnit: 'engineering',
    subject: { kind: 'candidate' },
    context: { candidate: { source: 'inbound' } },
    actor: actors.recruiter,
    versionId: h.versionId,
  });
  if (!r.ok) throw new Error(r.message);
  for (const type of events) h.engine.send(r.instanceId, { type }, { actor: actors.recruiter });
  return r.instanceId;
}

describe('migration of running instances', () => {
  it('dry run maps by id, reports what needs a choice, and equals the applied result', () => {
    const inScreen = startAt([]);
    const inInterviews = startAt(['ADVANCE']);
    const request = { workflowId: 'sample-hiring', fromVersionId: h.versionId, toVersionId: v2 };
    const unmapped = planMigration(h.db, request);
    expect(unmapped?.find((i) => i.instanceId === inInterviews)?.problem).toContain('interviews');
    expect(unmapped?.find((i) => i.instanceId === inScreen)).toMatchObject({
      from: ['screen'],
      to: ['screen'],
    });

    h.clock.advance(3_600_000);
    const mapped = { ...request, stateMap: { interviews: 'interviewing' } };
    const dryRun = planMigration(h.db, mapped);
    const applied = applyMigration(h.db, h.clock, mapped, actors.admin);
    expect(applied?.map(({ applied: _, ...rest }) => rest)).toEqual(dryRun);
    const moved = dryRun?.find((i) => i.instanceId === inInterviews);
    expect(moved).toMatchObject({
      to: ['interviewing'],
      timers: [{ delayName: 'timer:interviewing:nudge', dueAt: '2026-03-04T15:00:00.000Z' }],
    });
    expect(getInstance(h.db, inInterviews)?.versionId).toBe(v2);
    expect(listTimers(h.db, inInterviews).map((t) => t.delayName)).toEqual(['timer:interviewing:nudge']);
    expect(listAuditEntries(h.db, inInterviews).at(-1)).toMatchObject({ kind: 'migration', versionId: v2 });
  });

  it('keeps every chain verifiable and replays across the version change, and can be reverted', () => {
    const id = startAt(['ADVANCE']);
    const request = {
      workflowId: 'sample-hiring',
      fromVersionId: h.versionId,
      toVersionId: v2,
      stateMap: { interviews: 'interviewing' },
    };
    applyMigration(h.db, h.clock, request, actors.admin);
    expect(h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter })).toMatchObject({
      ok: true,
      to: ['offer_approval:hiring_manager'],
    });
    expect(verify(h.db).ok).toBe(true);
    expect(replay(h.db, id)).toMatchObject({ ok: true, versionId: v2 });

    const back = startAt(['ADVANCE']);
    applyMigration(h.db, h.clock, { ...request, instanceIds: [back] }, actors.admin);
    const reverted = applyMigration(
      h.db,
      h.clock,
      {
        workflowId: 'sample-hiring',
        fromVersionId: v2,
        toVersionId: h.versionId,
        stateMap: invertStateMap(request.stateMap),
        instanceIds: [back],
      },
      actors.admin,
    );
    expect(reverted).toMatchObject([{ applied: true, to: ['interviews'] }]);
    expect(replay(h.db, back)).toMatchObject({ ok: true, versionId: h.versionId });
  });
});
