import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

/*
 * Property: whatever text a client sends through the real HTTP routes — any code point, lone
 * surrogates, NUL, non-characters — every accepted request leaves an audit log that verifies, and
 * refused text is refused with a 422 naming the field (never a 500).
 */
let t: TestServer;
let workflowId: string;
let recruiter: HttpClient;
beforeAll(async () => {
  t = await startTestServer({ workers: false });
  const designer = await t.signIn(['designer'], ['emea']);
  const fork = await designer.post<{ workflow: { id: string } }>(
    '/api/templates/requisition-approval/fork',
    {},
  );
  workflowId = fork.body.workflow.id;
  await designer.post(`/api/workflows/${workflowId}/publish`, { changelog: 'v1', baseRevision: 0 });
  recruiter = await t.signIn(['recruiter'], ['emea']);
});
afterAll(() => t.close());

const REFUSED = /[\0\p{Cs}\p{Noncharacter_Code_Point}]/u;
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.constantFrom('\ud800', 'a\udc00', '\u0000', '\ufffe', '\u{10ffff}', '\ud83d\ude00', 'plain'),
);

describe('audit text through the real HTTP routes', () => {
  it('every accepted request leaves a log that verifies; refused text answers 422 with the field', async () => {
    const started = await recruiter.post<{ instance: { id: string } }>('/api/instances', {
      workflowId,
      subjectId: 'REQ-P',
      context: { 'requisition.id': 'REQ-P', jobFamily: 'Engineering', department: 'Platform', level: 3 },
    });
    expect(started.status).toBe(201);
    const id = started.body.instance.id;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        anyText,
        fc.dictionary(anyText, anyText, { maxKeys: 3 }),
        anyText,
        fc.constantFrom('NOT_AN_EVENT', 'SUBMIT'),
        async (note, payload, department, type) => {
          const sent = await recruiter.post<{ errors?: { path: string }[] }>(`/api/instances/${id}/events`, {
            type,
            payload,
            note,
          });
          const bad =
            REFUSED.test(note) ||
            Object.entries(payload).some(([k, v]) => REFUSED.test(k) || REFUSED.test(v));
          expect(sent.status).toBeLessThan(500);
          if (bad) {
            expect(sent.status).toBe(422);
            expect(sent.body.errors?.[0]?.path).toMatch(/^(note|payload)/);
          } else if (sent.status !== 422) accepted++;
          const start = await recruiter.post('/api/instances', {
            workflowId,
            subjectId: 'REQ-Q',
            context: { 'requisition.id': 'REQ-Q', jobFamily: 'Engineering', department, level: 3 },
          });
          expect(start.status).toBeLessThan(500);
          if (REFUSED.test(department)) expect(start.status).toBe(422);
        },
      ),
      { numRuns: 60 },
    );
    expect(accepted).toBeGreaterThan(0);
    const verified = await t.admin.post<{
      ok: boolean;
      failures: unknown[];
      anchored: unknown;
      tail: unknown;
    }>('/api/audit/verify');
    expect(verified.body.failures).toEqual([]);
    expect(verified.body.ok).toBe(true);
  }, 120_000);
});
