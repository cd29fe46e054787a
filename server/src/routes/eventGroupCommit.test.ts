import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

let t: TestServer;
let recruiter: HttpClient;
let auditor: HttpClient;
let workflowId: string;
beforeAll(async () => {
  // A wide batching window so that concurrent requests surely share transactions.
  t = await startTestServer({ workers: false, groupCommit: true, groupCommitDelayMs: 20 });
  const designer = await t.signIn(['designer'], ['emea']);
  const fork = await designer.post<{ workflow: { id: string } }>(
    '/api/templates/requisition-approval/fork',
    {},
  );
  workflowId = fork.body.workflow.id;
  await designer.post(`/api/workflows/${workflowId}/publish`, { changelog: 'v1', baseRevision: 0 });
  recruiter = await t.signIn(['recruiter'], ['emea']);
  auditor = await t.signIn(['auditor'], ['emea']);
});
afterAll(() => t.close());

interface EventAnswer {
  instance: { id: string; context: Record<string, unknown> };
  auditSeq: number;
  code?: string;
}

async function startRequisitions(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const started = await recruiter.post<{ instance: { id: string } }>('/api/instances', {
      workflowId,
      subjectId: `REQ-${i}`,
      context: { 'requisition.id': `REQ-${i}`, jobFamily: 'Engineering', department: 'Platform', level: 1 },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    ids.push(started.body.instance.id);
  }
  return ids;
}

const updateLevel = (id: string, level: number, key: string) =>
  recruiter.post<EventAnswer>(
    `/api/instances/${id}/events`,
    { type: 'UPDATE_CONTEXT', payload: { patch: { level } } },
    { 'idempotency-key': key },
  );

describe('events under group commit', () => {
  it('answers 50 concurrent events on 10 instances correctly, and every audit chain verifies', async () => {
    const ids = await startRequisitions(10);
    const sent = ids.flatMap((id, i) => [0, 1, 2, 3, 4].map((k) => ({ id, level: 10 * i + k })));
    const answers = await Promise.all(sent.map(({ id, level }) => updateLevel(id, level, `lvl-${level}`)));

    for (const [n, answer] of answers.entries()) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.instance.id).toBe(sent[n]?.id);
    }
    // Every event got its own audit entry (the seq is global to the log).
    expect(new Set(answers.map((a) => a.body.auditSeq)).size).toBe(50);
    for (const id of ids) {
      const verified = await auditor.post<{ ok: boolean; entries: number }>(
        `/api/audit/instances/${id}/verify`,
      );
      expect(verified.body).toEqual({ ok: true, entries: 6 });
      // The event committed last on this instance set the level it keeps.
      const mine = answers.filter((a) => a.body.instance.id === id).map((a) => a.body.auditSeq);
      const last = answers.findIndex((a) => a.body.auditSeq === Math.max(...mine));
      const read = await recruiter.get<EventAnswer>(`/api/instances/${id}`);
      expect(read.body.instance.context.level).toBe(sent[last]?.level);
    }
  });

  it('answers a repeated key in the same batch from the first result, and refuses another body with 422', async () => {
    const [id] = await startRequisitions(1);
    if (id === undefined) return expect.fail('no instance');
    const [first, repeat, other] = await Promise.all([
      updateLevel(id, 7, 'same-key'),
      updateLevel(id, 7, 'same-key'),
      updateLevel(id, 8, 'same-key'),
    ]);
    expect(first.status).toBe(200);
    expect(repeat.status).toBe(200);
    expect(repeat.body.auditSeq).toBe(first.body.auditSeq);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_MISMATCH');
    const verified = await auditor.post<{ ok: boolean; entries: number }>(
      `/api/audit/instances/${id}/verify`,
    );
    expect(verified.body).toEqual({ ok: true, entries: 2 });
  });
});
