import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { createLogger } from './logger.ts';

/** Every line of the Prometheus text format: a comment, or `name{labels} value`. */
const PROMETHEUS_LINE =
  /^(#\s(HELP|TYPE)\s[a-zA-Z_:][\w:]*\s.*|[a-zA-Z_:][\w:]*(\{([a-zA-Z_]\w*="[^"]*",?)*\})?\s\S+)$/;

const logLines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    done();
  },
});

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ logger: createLogger('info', sink), metricsToken: 'metrics-token-0123456789' });
});
afterAll(() => t.close());

describe('health and readiness', () => {
  it('answers /healthz with JSON and echoes a request id', async () => {
    const response = await fetch(`${t.server.url}/healthz`, { headers: { 'x-request-id': 'probe-42' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('x-request-id')).toBe('probe-42');
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('is ready when the database is writable, migrated and the workers poll', async () => {
    await new Promise((r) => setTimeout(r, 400)); // one scheduler poll
    const answer = await t
      .anonymous()
      .get<{ ready: boolean; checks: Record<string, { ok: boolean }> }>('/readyz');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.ready).toBe(true);
    expect(Object.values(answer.body.checks).every((check) => check.ok)).toBe(true);
  });

  it('answers 503 naming the database when another connection holds the write lock', async () => {
    // Workers off: in this one process the scheduler would wait on the same lock.
    const locked = await startTestServer({ workers: false });
    const other = new Database(locked.server.db.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const answer = await locked
        .anonymous()
        .get<{ ready: boolean; checks: { database: { ok: boolean; detail: string } } }>('/readyz');
      expect(answer.status).toBe(503);
      expect(answer.body.ready).toBe(false);
      expect(answer.body.checks.database.ok).toBe(false);
      expect(answer.body.checks.database.detail).toMatch(/not writable/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      await locked.close();
    }
  });

  it('never answers unknown probe-like paths with the designer', async () => {
    for (const path of ['/health', '/metrics/extra', '/api/nope']) {
      const response = await fetch(t.server.url + path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toContain('problem+json');
    }
  });
});

describe('/metrics', () => {
  it('refuses without a token and says how to authenticate', async () => {
    const response = await fetch(`${t.server.url}/metrics`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('serves Prometheus text to the metrics token and to an admin API token, not to others', async () => {
    const started = await t.admin.post<{ instance: { id: string } }>('/api/instances', {
      workflowId: 'nope',
      subjectId: 'REQ-1',
    });
    expect(started.status).toBeGreaterThanOrEqual(400);
    const created = await t.admin.post<{ token: string }>('/api/tokens', { name: 'prometheus' });
    const recruiter = await t.signIn(['recruiter'], ['emea']);
    const notAdmin = await recruiter.post<{ token: string }>('/api/tokens', { name: 'mine' });

    const scrape = (token: string) =>
      fetch(`${t.server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect((await scrape(notAdmin.body.token)).status).toBe(401);
    expect((await scrape(created.body.token)).status).toBe(200);
    const response = await scrape('metrics-token-0123456789');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const bad = text.split('\n').filter((line) => line !== '' && !PROMETHEUS_LINE.test(line));
    expect(bad).toEqual([]);
    for (const name of [
      'hireflow_http_requests_total',
      'hireflow_http_request_duration_seconds_bucket',
      'hireflow_engine_step_duration_seconds',
      'hireflow_engine_events_total',
      'hireflow_timers_due',
      'hireflow_timers_overdue_seconds',
      'hireflow_timer_firing_lateness_seconds',
      'hireflow_outbox_dead_effects',
      'hireflow_sqlite_wal_bytes',
    ]) {
      expect(text, name).toContain(name);
    }
    // Route templates, never concrete paths.
    expect(text).toMatch(
      /hireflow_http_requests_total\{method="POST",route="\/api\/instances",status="\d+"\}/,
    );
  });
});

describe('access log', () => {
  it('logs one JSON line per request with route template, status, duration and request id, and no personal data', async () => {
    logLines.length = 0;
    const client = new HttpClient(t.server.url);
    await client.request('POST', '/api/auth/login', {
      email: 'someone.private@example.com',
      password: 'wrong-password',
    });
    await client.request('GET', '/api/instances/abc-123?subjectId=jane.doe%40example.com', undefined, {
      'x-request-id': 'trace-7',
    });
    const requests = logLines.filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ method: 'POST', route: '/api/auth/login', status: 401 });
    expect(requests[1]).toMatchObject({
      method: 'GET',
      route: '/api/instances/:id',
      status: 401,
      reqId: 'trace-7',
    });
    expect(typeof requests[1]?.ms).toBe('number');
    const all = JSON.stringify(logLines);
    expect(all).not.toContain('someone.private');
    expect(all).not.toContain('jane.doe');
    expect(all).not.toContain('abc-123');
  });
});
