import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.ts';

/** A failed login as the client at `address` (as the reverse proxy reports it). */
async function failedLogin(t: TestServer, forwardedFor: string): Promise<number> {
  const answer = await new HttpClient(t.server.url).request(
    'POST',
    '/api/auth/login',
    { email: 'admin@test.io', password: 'typo' },
    { 'x-forwarded-for': forwardedFor },
  );
  return answer.status;
}

describe('behind a trusted reverse proxy (HIREFLOW_TRUST_PROXY=1)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ workers: false, trustProxyHops: 1, rateLimits: { login: 3 } });
  });
  afterAll(() => t.close());

  it('limits logins per real client: one person typing wrong does not lock out the others', async () => {
    // The client claims an address on the left; the proxy appends the one it saw (rightmost).
    for (let i = 0; i < 3; i += 1) expect(await failedLogin(t, `1.1.1.1, 203.0.113.7`)).toBe(401);
    expect(await failedLogin(t, '9.9.9.9, 203.0.113.7')).toBe(429);
    expect(await failedLogin(t, '203.0.113.8')).toBe(401);
  });

  it('marks the session cookie Secure when the proxy says the client used https', async () => {
    const login = (proto: string) =>
      fetch(`${t.server.url}/api/auth/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-proto': proto,
          'x-forwarded-for': `198.51.100.${proto.length}`,
        },
        body: JSON.stringify({ email: 'admin@test.io', password: TEST_PASSWORD }),
      });
    const secure = await login('https');
    expect(secure.status).toBe(200);
    expect(secure.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const plain = await login('http');
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });
});

describe('without a trusted proxy (default)', () => {
  let t: TestServer;
  beforeAll(async () => {
    // 4: the test admin's own sign-in from this address counts too.
    t = await startTestServer({ workers: false, rateLimits: { login: 4 } });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For, so a client cannot dodge the limit by inventing addresses', async () => {
    for (let i = 0; i < 3; i += 1) expect(await failedLogin(t, `10.0.0.${i}`)).toBe(401);
    expect(await failedLogin(t, '10.0.0.99')).toBe(429);
  });

  it('ignores X-Forwarded-Proto for the cookie', async () => {
    const response = await fetch(`${t.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email: 'admin@test.io', password: TEST_PASSWORD }),
    });
    expect(response.headers.get('set-cookie') ?? '').not.toMatch(/;\s*Secure/i);
  });
});
