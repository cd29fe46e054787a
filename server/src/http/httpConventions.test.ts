import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ workers: false });
});
afterAll(() => t.close());

describe('HTTP conventions', () => {
  it('names the authentication scheme on every 401', async () => {
    const answer = await t.anonymous().get('/api/workflows');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="hireflow"');
  });

  it('points at what a 201 created', async () => {
    const fork = await t.admin.post<{ workflow: { id: string } }>(
      '/api/templates/requisition-approval/fork',
      {
        businessUnit: 'emea',
      },
    );
    expect(fork.status).toBe(201);
    expect(fork.headers.get('location')).toBe(`/api/workflows/${fork.body.workflow.id}`);
    expect((await t.admin.get(fork.headers.get('location') ?? '')).status).toBe(200);
  });

  it('refuses a pagination cursor it never issued with 400 instead of an empty page', async () => {
    const bad = await t.admin.get<{ code: string }>('/api/instances?cursor=%21%21garbage%21%21');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    const good = await t.admin.get<{ items: unknown[] }>(
      `/api/instances?cursor=${Buffer.from('x').toString('base64url')}`,
    );
    expect(good.status).toBe(200);
  });
});
