import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishChange, publishedHiring } from '../testing/hiringWorkflow.ts';
import type { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

/**
 * Threat model: personal data (context fields marked `pii`, notes, free-text payload values) must be
 * readable only through the key of its subject, and after erasure nowhere — not in the database
 * file, not in the WAL, not in any export — while the audit chains still verify and replay still runs.
 */
const MARKER = `Zyx${Date.now().toString(36)}Marker`;
const EXTERNAL_REF = `ATS-${MARKER}`;

interface Instance {
  id: string;
  subjectId: string;
  context: Record<string, unknown>;
  masked?: boolean;
  erased?: boolean;
}

let t: TestServer;
let workflowId: string;
beforeAll(async () => {
  t = await startTestServer({ workers: false });
  workflowId = await publishedHiring(t.admin, 'emea');
  await publishChange(t.admin, workflowId, (spec) => ({
    ...spec,
    context: {
      ...(spec.context as Record<string, unknown>),
      'candidate.name': { type: 'string', pii: true },
      'candidate.email': { type: 'string', pii: true },
    },
  }));
  const routed = await t.admin.put(`/api/workflows/${workflowId}/routing`, {
    defaultVersion: 2,
    pilot: null,
  });
  expect(routed.status, JSON.stringify(routed.body)).toBe(200);
});
afterAll(() => t.close());

/** Every byte of the database file and its WAL, as latin1 so any UTF-8 marker is found as is. */
function databaseBytes(): string {
  const file = t.server.db.sqlite.name;
  const read = (path: string) => {
    try {
      return readFileSync(path).toString('latin1');
    } catch {
      return '';
    }
  };
  return read(file) + read(`${file}-wal`);
}

async function exports(client: HttpClient, id: string): Promise<string> {
  const ndjson = await client.get<string>(`/api/audit/instances/${id}/export?format=ndjson`);
  const csv = await client.get<string>(`/api/audit/instances/${id}/export?format=csv`);
  const entries = await client.get(`/api/audit/instances/${id}/entries`);
  expect([ndjson.status, csv.status, entries.status]).toEqual([200, 200, 200]);
  return `${String(ndjson.body)}${String(csv.body)}${JSON.stringify(entries.body)}`;
}

describe('erasing a candidate over HTTP', () => {
  it('keeps personal data out of the chain, masks it by role, and erases it from file, WAL and exports', async () => {
    const recruiter = await t.signIn(['recruiter'], ['emea']);
    const auditor = await t.signIn(['auditor'], ['emea']);
    const approver = await t.signIn(['approver'], ['emea']);

    const started = await recruiter.post<{ instance: Instance }>('/api/instances', {
      workflowId,
      subjectId: EXTERNAL_REF,
      context: { candidate: { name: `Ada ${MARKER}`, email: `ada.${MARKER}@example.com` } },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const { id, subjectId } = started.body.instance;
    expect(started.body.instance.context).toMatchObject({ candidate: { name: `Ada ${MARKER}` } });

    const sent = [
      { type: 'ADVANCE', note: `screened by phone, ${MARKER} said yes` },
      { type: 'UPDATE_CONTEXT', payload: { patch: { 'candidate.email': `new.${MARKER}@example.com` } } },
      { type: 'NO_SUCH_EVENT', payload: { free: `text ${MARKER}` }, note: `refused ${MARKER}` },
    ];
    const answers = [];
    for (const body of sent) answers.push((await recruiter.post(`/api/instances/${id}/events`, body)).status);
    expect(answers).toEqual([200, 200, 422]);

    // Recruiters see the values (and the read is access-logged); auditors and approvers see a mask.
    const seen = await recruiter.get<{ instance: Instance }>(`/api/instances/${id}`);
    expect(seen.body.instance.context).toMatchObject({ candidate: { email: `new.${MARKER}@example.com` } });
    for (const reader of [auditor, approver]) {
      const masked = await reader.get<{ instance: Instance }>(`/api/instances/${id}`);
      expect(masked.body.instance.masked).toBe(true);
      expect(JSON.stringify(masked.body)).not.toContain(MARKER);
      expect(masked.body.instance.context).toMatchObject({ candidate: { name: '•••', email: '•••' } });
    }
    const log = await t.admin.get<{ items: { action: string; target: string }[] }>('/api/access-log');
    expect(log.body.items).toContainEqual(
      expect.objectContaining({ action: 'instance.read', target: `instance:${id}` }),
    );

    // The chain and its exports hold sealed values only; the plaintext never reached the file (the
    // ATS reference is kept, erasably, in the subject row until erasure).
    expect(await exports(auditor, id)).not.toContain(MARKER);
    expect(databaseBytes().replaceAll(EXTERNAL_REF, '')).not.toContain(MARKER);
    const key = t.server.db.sqlite
      .prepare('select key from subject_keys where subject_id = ?')
      .get(subjectId) as { key: string } | undefined;
    expect(key?.key).toMatch(/^[A-Za-z0-9+/=]{44}$/);

    expect((await recruiter.post(`/api/subjects/${subjectId}/erasure`, { reason: 'other' })).status).toBe(
      403,
    );
    expect(
      (
        await t.admin.post(`/api/subjects/${subjectId}/erasure`, {
          reason: 'data_subject_request',
          reference: 'Ada Lovelace',
        })
      ).status,
    ).toBe(422);
    const erased = await t.admin.post<{ erased: boolean; instances: number; scrubbed: boolean }>(
      `/api/subjects/${subjectId}/erasure`,
      { reason: 'data_subject_request', reference: 'DSR-2026-0042' },
    );
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toMatchObject({ erased: true, instances: 1, scrubbed: true });

    const after = await recruiter.get<{ instance: Instance }>(`/api/instances/${id}`);
    expect(after.body.instance).toMatchObject({ erased: true, context: { candidate: { name: '[erased]' } } });
    const bytes = databaseBytes();
    expect(bytes).not.toContain(MARKER);
    expect(bytes).not.toContain(key?.key);
    expect(bytes).not.toContain(EXTERNAL_REF);
    const exported = await exports(t.admin, id);
    expect(exported).not.toContain(MARKER);
    expect(exported).toContain('"kind":"erasure"');

    const verified = await t.admin.post<{ ok: boolean }>('/api/audit/verify');
    expect(verified.body.ok, JSON.stringify(verified.body)).toBe(true);
    const replayed = await t.admin.post<{ ok: boolean; steps: number }>(`/api/audit/instances/${id}/replay`);
    expect(replayed.body, JSON.stringify(replayed.body)).toMatchObject({ ok: true });
    expect(replayed.body.steps).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(replayed.body)).not.toContain(MARKER);
  });
});

describe('bounded log growth', () => {
  it('refuses an oversized note or payload with 413 naming the field and records only a digest', async () => {
    const recruiter = await t.signIn(['recruiter'], ['emea']);
    const started = await recruiter.post<{ instance: Instance }>('/api/instances', {
      workflowId,
      subjectId: 'ATS-SIZE-1',
    });
    const { id } = started.body.instance;
    const longNote = await recruiter.post<{ detail: string; code: string }>(`/api/instances/${id}/events`, {
      type: 'ADVANCE',
      note: 'n'.repeat(4001),
    });
    expect(longNote.status).toBe(413);
    expect(longNote.body.detail).toMatch(/^note: 4001 characters/);
    const big = await recruiter.post<{ detail: string }>(`/api/instances/${id}/events`, {
      type: 'ADVANCE',
      payload: { blob: 'x'.repeat(17 * 1024) },
    });
    expect(big.status).toBe(413);
    expect(big.body.detail).toMatch(/^payload: \d+ bytes; the limit is 16384/);
    const entries = await t.admin.get<{
      items: { kind: string; note: string | null; event: Record<string, unknown> }[];
    }>(`/api/audit/instances/${id}/entries`);
    const refused = entries.body.items.filter((e) => e.kind === 'refused');
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({ note: null, event: { noteDigest: { bytes: 4003 } } });
    expect(refused[1]?.event.payload).toMatchObject({
      $digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(entries.body).length).toBeLessThan(8000);
  });
});

describe('per-actor event rate limit', () => {
  it('answers 429 with Retry-After once one user sent more events than the budget', async () => {
    const limited = await startTestServer({ workers: false, rateLimits: { events: 3 } });
    try {
      const wf = await publishedHiring(limited.admin, 'emea');
      const recruiter = await limited.signIn(['recruiter'], ['emea']);
      const other = await limited.signIn(['recruiter'], ['emea']);
      const started = await recruiter.post<{ instance: Instance }>('/api/instances', {
        workflowId: wf,
        subjectId: 'R-1',
      });
      expect(started.status).toBe(201);
      const path = `/api/instances/${started.body.instance.id}/events`;
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await recruiter.post(path, { type: 'NOPE' })).status);
      expect(statuses).toEqual([422, 422, 429]);
      const limitedAnswer = await recruiter.request('POST', path, { type: 'NOPE' });
      expect(limitedAnswer.headers.get('retry-after')).toMatch(/^\d+$/);
      // Another user has their own budget; reads are not limited.
      expect((await other.post(path, { type: 'NOPE' })).status).toBe(422);
      expect((await recruiter.get(`/api/instances/${started.body.instance.id}`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
