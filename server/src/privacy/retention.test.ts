import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries, ManualClock, verify } from '../runtime.ts';
import { publishedHiring } from '../testing/hiringWorkflow.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { parseRetentionPolicy, runRetention } from './retention.ts';

const DAY = 86_400_000;
const clock = new ManualClock('2026-01-05T09:00:00Z');
let t: TestServer;
const ids: Record<'rejected' | 'withdrawn' | 'active', { id: string; subjectId: string }> = {} as never;

beforeAll(async () => {
  t = await startTestServer({ workers: false, clock });
  const workflowId = await publishedHiring(t.admin, 'emea');
  const recruiter = await t.signIn(['recruiter'], ['emea']);
  const start = async (ref: string) => {
    const answer = await recruiter.request<{ instance: { id: string; subjectId: string } }>(
      'POST',
      '/api/instances',
      { workflowId, subjectId: ref },
      { 'idempotency-key': `start-${ref}` },
    );
    expect(answer.status).toBe(201);
    return answer.body.instance;
  };
  ids.rejected = await start('ATS-R');
  ids.withdrawn = await start('ATS-W');
  ids.active = await start('ATS-A');
  const send = (id: string, body: unknown) => recruiter.post(`/api/instances/${id}/events`, body);
  expect((await send(ids.rejected.id, { type: 'REJECT', note: 'not a fit' })).status).toBe(200);
  expect((await send(ids.withdrawn.id, { type: 'WITHDRAW' })).status).toBe(200);
});
afterAll(() => t.close());

const subjectErased = (id: string) =>
  (
    t.server.db.sqlite.prepare('select erased_at from subjects where id = ?').get(id) as {
      erased_at: number | null;
    }
  ).erased_at !== null;

describe('retention policies (manual clock)', () => {
  it('prunes idempotency records and expired sessions, and erases nobody by default', () => {
    clock.advance(10 * DAY);
    const report = runRetention(
      t.server.engine,
      t.server.store,
      parseRetentionPolicy(undefined),
      clock.now().getTime(),
    );
    expect(report.erasedSubjects).toEqual([]);
    expect(report.idempotencyRecords).toBe(3);
    expect(report.sessions).toBeGreaterThanOrEqual(2);
  });

  it('erases rejected and withdrawn candidates once the period has passed, audited, chains intact', () => {
    const policy = parseRetentionPolicy(JSON.stringify({ eraseClosedAfterDays: 180 }));
    const early = runRetention(t.server.engine, t.server.store, policy, clock.now().getTime());
    expect(early.erasedSubjects).toEqual([]);

    clock.advance(171 * DAY);
    const report = runRetention(t.server.engine, t.server.store, policy, clock.now().getTime());
    expect(report.erasedSubjects.sort()).toEqual([ids.rejected.subjectId, ids.withdrawn.subjectId].sort());
    expect(subjectErased(ids.rejected.subjectId)).toBe(true);
    expect(subjectErased(ids.active.subjectId)).toBe(false);
    expect(listAuditEntries(t.server.db, ids.rejected.id).at(-1)).toMatchObject({
      kind: 'erasure',
      actor: { id: 'system:retention' },
      event: { payload: { reason: 'retention_policy', subjectId: ids.rejected.subjectId } },
    });
    const logged = t.server.db.sqlite
      .prepare(`select target from server_access_log where action = 'retention.run' order by id desc`)
      .get() as { target: string };
    expect(logged.target).toBe('subjects:2,idempotency:0,sessions:0');
    expect(verify(t.server.db).ok).toBe(true);
    expect(
      runRetention(t.server.engine, t.server.store, policy, clock.now().getTime()).erasedSubjects,
    ).toEqual([]);
  });

  it('refuses a policy with a bad field, naming it', () => {
    expect(() => parseRetentionPolicy('{"eraseClosedAfterDays": -1}')).toThrow(/eraseClosedAfterDays/);
    expect(() => parseRetentionPolicy('{"nope": 1}')).toThrow(/HIREFLOW_RETENTION/);
    expect(() => parseRetentionPolicy('{')).toThrow(/not valid JSON/);
  });
});
