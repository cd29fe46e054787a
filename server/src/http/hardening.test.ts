import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.ts';

let t: TestServer;
let designer: HttpClient;
let workflowId: string;
beforeAll(async () => {
  t = await startTestServer({ workers: false, bodyLimitBytes: 64 * 1024 });
  designer = await t.signIn(['designer', 'recruiter'], ['emea']);
  const fork = await designer.post<{ workflow: { id: string } }>(
    '/api/templates/requisition-approval/fork',
    {},
  );
  workflowId = fork.body.workflow.id;
  await designer.post(`/api/workflows/${workflowId}/publish`, { changelog: 'v1', baseRevision: 0 });
});
afterAll(() => t.close());

/** A snapshot of what write routes could change, to prove refused requests changed nothing. */
async function state() {
  const workflows = await t.admin.get<{ items: unknown[] }>('/api/workflows?limit=200');
  const workflow = await t.admin.get(`/api/workflows/${workflowId}`);
  const instances = await t.admin.get<{ items: unknown[] }>('/api/instances?limit=200');
  return JSON.stringify([workflows.body, workflow.body, instances.body]);
}

const WRITE_ROUTES: [string, string][] = [
  ['POST', '/api/workflows'],
  ['PUT', `/api/workflows/{wf}/draft`],
  ['POST', `/api/workflows/{wf}/publish`],
  ['POST', `/api/workflows/{wf}/fork`],
  ['POST', '/api/templates/offer-approval/fork'],
  ['POST', '/api/instances'],
  ['PUT', `/api/workflows/{wf}/mappings`],
  ['POST', '/api/tokens'],
];

describe('malformed input', () => {
  it('answers every malformed body on every write route with a 4xx problem and changes nothing', async () => {
    const before = await state();
    const malformed = fc.oneof(
      fc.string().filter((s) => s.trim() !== '' && !/^[\s\d"tfn[{-]/.test(s)),
      fc
        .jsonValue()
        .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
        .map((v) => JSON.stringify(v)),
      fc
        .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }))
        .map((o) => JSON.stringify({ ...o, unexpectedField: 1 })),
      fc.constantFrom('{', '{"spec":', '[1,2', '{"baseRevision":"x"}', '{"name":""}', '\u0000'),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITE_ROUTES), malformed, async ([method, path], body) => {
        const answer = await designer.request(method, path.replace('{wf}', workflowId), body);
        expect(
          answer.status,
          `${method} ${path} ${body} -> ${JSON.stringify(answer.body)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        expect(JSON.stringify(answer.body)).not.toMatch(/at \w+ \(|SQLITE|select |stack/i);
      }),
      { numRuns: 150 },
    );
    expect(await state()).toBe(before);
  });

  it('names unknown fields with their path', async () => {
    const answer = await designer.post<{ code: string; errors: { path: string }[] }>('/api/tokens', {
      name: 'x',
      admin: true,
    });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('VALIDATION');
    expect(answer.body.errors).toContainEqual(
      expect.objectContaining({ path: 'admin', message: 'unknown field' }),
    );
  });

  it('refuses a body over the limit with 413, also when it is streamed in chunks', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(100 * 1024) });
    const announced = await designer.post('/api/tokens', big);
    expect(announced.status).toBe(413);
    const streamed = await postChunked(`${designer.baseUrl}/api/tokens`, {
      'content-type': 'application/json',
      'x-csrf-token': designer.csrfToken ?? '',
      ...designer.authHeaders(),
    });
    expect(streamed.status).toBe(413);
  });
});

describe('sessions, tokens and headers', () => {
  it('requires the CSRF header on cookie writes but not on token writes', async () => {
    const client = await t.signIn(['designer'], ['emea']);
    const csrf = client.csrfToken;
    client.csrfToken = undefined;
    const refused = await client.post<{ code: string }>('/api/tokens', { name: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('CSRF');
    client.csrfToken = csrf;
    const created = await client.post<{ token: string }>('/api/tokens', { name: 'ci' });
    const integration = t.anonymous();
    integration.bearer = created.body.token;
    expect((await integration.post('/api/tokens', { name: 'from-token' })).status).toBe(201);
  });

  it('stops a deactivated user at once: session and API token', async () => {
    const user = await t.signIn(['recruiter'], ['emea'], 'leaver');
    const me = await user.get<{ user: { id: string } }>('/api/auth/me');
    const token = await user.post<{ token: string }>('/api/tokens', { name: 'script' });
    const integration = t.anonymous();
    integration.bearer = token.body.token;
    expect((await integration.get('/api/auth/me')).status).toBe(200);
    expect((await t.admin.request('PATCH', `/api/users/${me.body.user.id}`, { active: false })).status).toBe(
      200,
    );
    expect((await user.get('/api/auth/me')).status).toBe(401);
    expect((await integration.get('/api/auth/me')).status).toBe(401);
  });

  it('rate-limits login with 429 and Retry-After, the same answer for unknown emails and wrong passwords', async () => {
    const limited = await startTestServer({ workers: false, rateLimits: { login: 4 } });
    const client = limited.anonymous();
    const unknown = await client.post('/api/auth/login', {
      email: 'nobody@test.io',
      password: TEST_PASSWORD,
    });
    const wrong = await client.post('/api/auth/login', {
      email: 'admin@test.io',
      password: 'wrong password',
    });
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    let last = wrong;
    for (let i = 0; i < 10 && last.status !== 429; i += 1)
      last = await client.post('/api/auth/login', { email: 'x@test.io', password: 'x' });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    await limited.close();
  });

  it('sends secure headers and an HttpOnly, SameSite=Lax session cookie', async () => {
    const answer = await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@test.io', password: TEST_PASSWORD }),
    });
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('publishes an OpenAPI 3.1 document and a reference page', async () => {
    const doc = await t
      .anonymous()
      .get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toContain('/api/workflows/{id}/draft');
    const page = await t.anonymous().get<string>('/api/docs');
    expect(page.body).toContain('/api/workflows/{id}/publish');
  });
});

/** POSTs 160 KiB in 8 KiB chunks without Content-Length (Transfer-Encoding: chunked); resolves the status. */
function postChunked(url: string, headers: Record<string, string>): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, connection: 'close' } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    // The server may answer 413 and hang up before all chunks are written: that is the point.
    req.on('error', (error) =>
      error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error),
    );
    for (let i = 0; i < 20; i += 1) req.write('x'.repeat(8 * 1024));
    req.end();
  });
}
