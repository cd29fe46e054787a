import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../db/schema.ts';
import { ROLE_REFUSAL } from '../middleware/authorize.ts';
import type { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { ACCESS_RULES, type AccessRule, type RouteKey } from './accessRules.ts';
import {
  type FixtureContext,
  MATRIX_FIXTURES,
  type MatrixRequest,
  type UnitObjects,
} from './matrixFixtures.ts';

const OWN = 'emea';
const OTHER = 'apac';
const CROSS_UNIT: readonly Role[] = ['admin', 'auditor'];

let t: TestServer;
const clients = new Map<Role, HttpClient>();
const units = new Map<string, UnitObjects>();

async function publishedWorkflow(unit: string): Promise<string> {
  const fork = await t.admin.post<{ workflow: { id: string } }>('/api/templates/requisition-approval/fork', {
    businessUnit: unit,
  });
  const id = fork.body.workflow.id;
  await t.admin.post(`/api/workflows/${id}/publish`, { changelog: 'v1', baseRevision: 0 });
  return id;
}

const submitters = new Map<string, HttpClient>();

/** A fresh instance of `workflowId` submitted by a recruiter of `unit`, waiting on its first approval. */
async function taskIn(unit: string, workflowId: string): Promise<string> {
  let recruiter = submitters.get(unit);
  if (!recruiter) {
    recruiter = await t.signIn(['recruiter'], [unit]);
    submitters.set(unit, recruiter);
  }
  const started = await t.admin.post<{ instance: { id: string } }>('/api/instances', {
    workflowId,
    subjectId: 'REQ-T',
  });
  const id = started.body.instance.id;
  const sent = await recruiter.post<{ instance: { approvals: { id: string }[] } }>(
    `/api/instances/${id}/events`,
    { type: 'SUBMIT' },
  );
  const task = sent.body.instance.approvals[0];
  if (!task) throw new Error(`no approval task after SUBMIT: ${JSON.stringify(sent.body)}`);
  return task.id;
}

beforeAll(async () => {
  t = await startTestServer({
    workers: false,
    rateLimits: { login: 10_000, tokens: 10_000, webhooks: 10_000 },
  });
  for (const role of ROLES) clients.set(role, await t.signIn([role], [OWN], `matrix-${role}`));
  for (const unit of [OWN, OTHER]) {
    const workflowId = await publishedWorkflow(unit);
    const started = await t.admin.post<{ instance: { id: string } }>('/api/instances', {
      workflowId,
      subjectId: 'REQ-M',
    });
    units.set(unit, { unit, workflowId, instanceId: started.body.instance.id });
  }
}, 60_000);
afterAll(() => t.close());

async function call(role: Role, request: MatrixRequest): Promise<{ status: number; body: unknown }> {
  const client = request.freshClient ? await t.signIn([role], [OWN]) : (clients.get(role) as HttpClient);
  if (request.path === '/api/stream') {
    // An event stream never ends: read the status line, then hang up.
    const abort = new AbortController();
    const response = await fetch(client.baseUrl + request.path, {
      headers: client.authHeaders(),
      signal: abort.signal,
    });
    abort.abort();
    return { status: response.status, body: undefined };
  }
  return client.request(request.method, request.path, request.body);
}

function context(unit: string): FixtureContext {
  const target = units.get(unit) as UnitObjects;
  return {
    target,
    admin: t.admin,
    freshWorkflow: () => publishedWorkflow(unit),
    freshTask: () => taskIn(unit, target.workflowId),
  };
}

const isRoleRefusal = (answer: { status: number; body: unknown }) =>
  answer.status === 403 && (answer.body as { detail?: string } | undefined)?.detail === ROLE_REFUSAL;

describe('the authorization table', () => {
  it('has a rule for every /api route the app serves, and no rule without a route', () => {
    const served = new Set(
      t.server.app.routes
        .filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
        .map((route) => `${route.method} ${route.path}`),
    );
    expect([...served].filter((key) => !Object.hasOwn(ACCESS_RULES, key))).toEqual([]);
    expect(Object.keys(ACCESS_RULES).filter((key) => !served.has(key))).toEqual([]);
  });

  const rows = (Object.entries(ACCESS_RULES) as [RouteKey, AccessRule][]).flatMap(([key, rule]) =>
    ROLES.map((role) => ({ key, rule, role })),
  );

  it.each(rows)('$key as $role', async ({ key, rule, role }) => {
    const fixture = MATRIX_FIXTURES[key];
    const own = await call(role, await fixture(context(OWN)));
    const allowed = rule.roles === 'public' || rule.roles === 'authenticated' || rule.roles.includes(role);
    if (!allowed) {
      expect(isRoleRefusal(own), `${own.status} ${JSON.stringify(own.body)}`).toBe(true);
      return;
    }
    // Public routes answer 401 for their own reasons (wrong password, bad signature).
    if (rule.roles !== 'public') expect(own.status, JSON.stringify(own.body)).not.toBe(401);
    expect(isRoleRefusal(own), JSON.stringify(own.body)).toBe(false);
    if (rule.scope !== 'unit' || CROSS_UNIT.includes(role)) return;

    const otherObjects = units.get(OTHER) as UnitObjects;
    const other = await call(role, await fixture(context(OTHER)));
    if (key.startsWith('GET ') && !key.includes(':')) {
      // A list: the other unit's objects are simply not in it.
      const text = JSON.stringify(other.body ?? '');
      expect(text).not.toContain(otherObjects.workflowId);
      expect(text).not.toContain(otherObjects.instanceId);
    } else if (key === 'POST /api/workflows' || key === 'POST /api/templates/:id/fork') {
      expect(other.status, JSON.stringify(other.body)).toBe(403);
    } else {
      expect(other.status, JSON.stringify(other.body)).toBe(404);
    }
  });
});
