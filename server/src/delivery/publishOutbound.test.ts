import { afterEach, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

interface Draft {
  spec: { states: { id: string; on?: Record<string, unknown>[] }[] };
  revision: number;
}

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Forks the standard hiring template and saves a draft whose second state calls `url` as a webhook. */
async function draftWithWebhook(admin: HttpClient, url: string): Promise<{ id: string; revision: number }> {
  const fork = await admin.post<{ workflow: { id: string }; draft: Draft }>(
    '/api/templates/standard-hiring/fork',
    { businessUnit: 'emea' },
  );
  const spec = structuredClone(fork.body.draft.spec);
  const state = spec.states[1];
  if (!state) throw new Error('template has fewer than two states');
  state.on = [
    ...(state.on ?? []),
    { id: 'sync', event: 'SYNC', target: state.id, actions: [{ type: 'webhook', url, event: 'sync' }] },
  ];
  const saved = await admin.put<{ draft: Draft }>(`/api/workflows/${fork.body.workflow.id}/draft`, {
    spec,
    baseRevision: fork.body.draft.revision,
  });
  expect(saved.status).toBe(200);
  return { id: fork.body.workflow.id, revision: saved.body.draft.revision };
}

describe('publishing webhooks through the server (HIREFLOW_OUTBOUND_ALLOW)', () => {
  it('refuses an internal webhook URL with 422 naming the field; allows it when listed', async () => {
    t = await startTestServer({ workers: false });
    const draft = await draftWithWebhook(t.admin, 'https://169.254.169.254/latest/meta-data');
    const refused = await t.admin.post<{ errors: { path: string; message: string }[] }>(
      `/api/workflows/${draft.id}/publish`,
      { changelog: 'sync', baseRevision: draft.revision },
    );
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      {
        path: expect.stringMatching(/^states\[1\]\.on\[\d+\]\.actions\[0\]\.url$/),
        message: expect.stringContaining('169.254.169.254 is an internal address'),
      },
    ]);
    await t.close();

    t = await startTestServer({
      workers: false,
      deliveryEnv: { HIREFLOW_OUTBOUND_ALLOW: '169.254.169.254' },
    });
    const allowed = await draftWithWebhook(t.admin, 'https://169.254.169.254/latest/meta-data');
    const published = await t.admin.post(`/api/workflows/${allowed.id}/publish`, {
      changelog: 'sync',
      baseRevision: allowed.revision,
    });
    expect(published.status).toBe(201);
  }, 30_000);
});
