import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

let t: TestServer;
let workflowId: string;
beforeAll(async () => {
  t = await startTestServer({ workers: false });
  const designer = await t.signIn(['designer'], ['emea']);
  const fork = await designer.post<{ workflow: { id: string } }>(
    '/api/templates/requisition-approval/fork',
    {},
  );
  workflowId = fork.body.workflow.id;
  const published = await designer.post(`/api/workflows/${workflowId}/publish`, {
    changelog: 'v1',
    baseRevision: 0,
  });
  expect(published.status).toBe(201);
});
afterAll(() => t.close());

interface InstanceAnswer {
  instance: {
    id: string;
    state: string[];
    approvals: { id: string; status: string }[];
    enabledEvents: string[];
  };
}

const context = { 'requisition.id': 'REQ-1', jobFamily: 'Engineering', department: 'Platform', level: 3 };

async function startRequisition(recruiter: HttpClient) {
  const started = await recruiter.post<InstanceAnswer>('/api/instances', {
    workflowId,
    subjectId: 'REQ-1',
    context,
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return started.body.instance;
}

describe('running a requisition over HTTP', () => {
  it('starts an instance, submits it, and the HRBP approves from the inbox', async () => {
    const recruiter = await t.signIn(['recruiter'], ['emea']);
    const hrbp = await t.signIn(['hrbp'], ['emea']);
    const instance = await startRequisition(recruiter);
    expect(instance.state).toEqual(['draft']);

    const submitted = await recruiter.post<InstanceAnswer>(`/api/instances/${instance.id}/events`, {
      type: 'SUBMIT',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.instance.state.join()).toContain('headcount_approval');

    const inbox = await hrbp.get<{ items: { id: string; instanceId: string }[] }>('/api/approvals/inbox');
    const task = inbox.body.items.find((item) => item.instanceId === instance.id);
    if (!task) return expect.fail('the HRBP should have a task');
    const decided = await hrbp.post<{ task: { status: string } }>(`/api/approvals/${task.id}/decide`, {
      decision: 'approve',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.task.status).toBe('approved');

    const entries = await hrbp.get<{ items: { kind: string }[] }>(
      `/api/audit/instances/${instance.id}/entries`,
    );
    expect(entries.body.items.map((e) => e.kind)).toEqual(['start', 'transition', 'approval']);
    const verified = await hrbp.post<{ ok: boolean; entries: number }>(
      `/api/audit/instances/${instance.id}/verify`,
    );
    expect(verified.body).toEqual({ ok: true, entries: 3 });
    const replayed = await hrbp.post<{ ok: boolean }>(`/api/audit/instances/${instance.id}/replay`);
    expect(replayed.body.ok).toBe(true);
    const csv = await hrbp.get<string>(`/api/audit/instances/${instance.id}/export?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toMatch(/^seq,at,actorId/);

    const log = await t.admin.get<{ items: { action: string; target: string }[] }>('/api/access-log');
    expect(log.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['audit.entries', 'audit.verify', 'audit.replay', 'audit.export.csv']),
    );
  });

  it('refuses an event the current state does not take, with the engine code, and records the attempt', async () => {
    const recruiter = await t.signIn(['recruiter'], ['emea']);
    const instance = await startRequisition(recruiter);
    const refused = await recruiter.post<{ code: string; auditSeq: number }>(
      `/api/instances/${instance.id}/events`,
      { type: 'FILLED' },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('EVENT_NOT_ALLOWED');
  });

  it('honours Idempotency-Key: same body replays, another body is 422', async () => {
    const recruiter = await t.signIn(['recruiter'], ['emea']);
    const instance = await startRequisition(recruiter);
    const path = `/api/instances/${instance.id}/events`;
    const first = await recruiter.post<{ auditSeq: number }>(
      path,
      { type: 'SUBMIT' },
      { 'idempotency-key': 'k-1' },
    );
    const again = await recruiter.post<{ auditSeq: number }>(
      path,
      { type: 'SUBMIT' },
      { 'idempotency-key': 'k-1' },
    );
    expect(again.status).toBe(200);
    expect(again.body.auditSeq).toBe(first.body.auditSeq);
    const other = await recruiter.post<{ code: string }>(
      path,
      { type: 'CANCEL' },
      { 'idempotency-key': 'k-1' },
    );
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it("hides another unit's instance (404) and its audit trail", async () => {
    const recruiter = await t.signIn(['recruiter'], ['emea']);
    const outsider = await t.signIn(['hrbp'], ['apac']);
    const instance = await startRequisition(recruiter);
    expect((await outsider.get(`/api/instances/${instance.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/audit/instances/${instance.id}/entries`)).status).toBe(404);
    expect((await outsider.post(`/api/instances/${instance.id}/events`, { type: 'CANCEL' })).status).toBe(
      404,
    );
  });
});
