import type { HttpClient } from '../testing/httpClient.ts';
import { standardDelivery } from '../webhooks/webhookFixtures.ts';
import type { RouteKey } from './accessRules.ts';

/** Ids of one business unit's objects the matrix requests point at. */
export interface UnitObjects {
  unit: string;
  workflowId: string;
  instanceId: string;
}

/** What a fixture can use: the unit under test's objects, and helpers that make fresh ones. */
export interface FixtureContext {
  target: UnitObjects;
  admin: HttpClient;
  /** A fresh published workflow in the target unit (for routes that archive or change it). */
  freshWorkflow(): Promise<string>;
  /** A fresh instance waiting on its first approval step in the target unit; returns the task id. */
  freshTask(): Promise<string>;
}

/** One request of the matrix. `otherUnit` is what a same-unit-only caller gets for another unit's object. */
export interface MatrixRequest {
  method: string;
  path: string;
  body?: unknown;
  /** A fresh signed-in client of the role (logout would end the shared one). */
  freshClient?: boolean;
}

/** How to call a route, for the given unit's objects. */
export type Fixture = (ctx: FixtureContext) => MatrixRequest | Promise<MatrixRequest>;

const wf = (ctx: FixtureContext) => `/api/workflows/${ctx.target.workflowId}`;
const sandboxes = new Map<string, Promise<{ name: string; instanceId: string }>>();

/**
 * A sandbox per unit holding the unit's workflow and one synthetic instance (made once, by the
 * admin), so the other unit's callers meet an object they must not see.
 */
function unitSandbox(ctx: FixtureContext): Promise<{ name: string; instanceId: string }> {
  const key = `${ctx.admin.baseUrl} ${ctx.target.unit}`;
  let made = sandboxes.get(key);
  if (!made) {
    made = (async () => {
      const name = `matrix-${ctx.target.unit}`;
      await ctx.admin.post('/api/sandboxes', { name });
      await ctx.admin.post(`/api/sandboxes/${name}/publish`, { workflowId: ctx.target.workflowId });
      const started = await ctx.admin.post<{ items: { id: string }[] }>(`/api/sandboxes/${name}/synthetic`, {
        workflowId: ctx.target.workflowId,
        count: 1,
        seed: 1,
      });
      const instanceId = started.body.items[0]?.id;
      if (!instanceId) throw new Error(`no synthetic instance: ${JSON.stringify(started.body)}`);
      return { name, instanceId };
    })();
    sandboxes.set(key, made);
  }
  return made;
}

/** A fresh empty sandbox (for routes that reset or delete one). */
async function freshSandbox(ctx: FixtureContext): Promise<string> {
  const name = `m-${Math.random().toString(36).slice(2, 10)}`;
  await ctx.admin.post('/api/sandboxes', { name });
  return name;
}
const inst = (ctx: FixtureContext) => ctx.target.instanceId;

const deliveries = new Map<string, Promise<string>>();
/**
 * A logged webhook delivery that touched the unit's workflow (made once per unit, by the admin): a
 * Standard Webhooks delivery whose stage is the unit's name, mapped to that workflow only.
 */
function unitDelivery(ctx: FixtureContext): Promise<string> {
  const key = `${ctx.admin.baseUrl} ${ctx.target.unit}`;
  let made = deliveries.get(key);
  if (!made) {
    made = (async () => {
      const secret = await ctx.admin.post<{ secret: string }>('/api/webhook-secrets', { vendor: 'generic' });
      await ctx.admin.put(`${wf(ctx)}/mappings`, {
        items: [
          {
            vendor: 'generic',
            vendorEvent: 'candidate.stage_changed',
            stage: ctx.target.unit,
            workflowEvent: 'MATRIX_PROBE',
          },
        ],
      });
      const signed = standardDelivery(secret.body.secret, 'REQ-NONE', ctx.target.unit, Date.now());
      const answer = await ctx.admin.request<{ delivery: string }>(
        'POST',
        '/api/webhooks/generic',
        signed.body,
        signed.headers,
      );
      if (!answer.body.delivery) throw new Error(`no delivery: ${JSON.stringify(answer.body)}`);
      return answer.body.delivery;
    })();
    deliveries.set(key, made);
  }
  return made;
}

/**
 * A request for EVERY route of {@link ACCESS_RULES}: typed as a complete record, so adding a rule
 * without a fixture does not compile. Bodies are valid where validation would otherwise answer before
 * the object lookup, and harmless (stale revisions, unknown events) where the route would change state.
 */
export const MATRIX_FIXTURES: Record<RouteKey, Fixture> = {
  'POST /api/auth/login': () => ({
    method: 'POST',
    path: '/api/auth/login',
    body: { email: 'nobody@test.io', password: 'x' },
  }),
  'POST /api/auth/logout': () => ({ method: 'POST', path: '/api/auth/logout', freshClient: true }),
  'GET /api/auth/me': () => ({ method: 'GET', path: '/api/auth/me' }),
  'GET /api/tokens': () => ({ method: 'GET', path: '/api/tokens' }),
  'POST /api/tokens': () => ({ method: 'POST', path: '/api/tokens', body: { name: 'matrix' } }),
  'DELETE /api/tokens/:id': () => ({ method: 'DELETE', path: '/api/tokens/no-such-token' }),
  'GET /api/users': () => ({ method: 'GET', path: '/api/users' }),
  'POST /api/users': () => ({ method: 'POST', path: '/api/users', body: {} }),
  'PATCH /api/users/:id': () => ({ method: 'PATCH', path: '/api/users/no-such-user', body: {} }),
  'GET /api/access-log': () => ({ method: 'GET', path: '/api/access-log' }),
  'GET /api/workflows': () => ({ method: 'GET', path: '/api/workflows' }),
  'POST /api/workflows': (ctx) => ({
    method: 'POST',
    path: '/api/workflows',
    body: {
      spec: {
        schemaVersion: 2,
        id: `m-${Math.random().toString(36).slice(2, 10)}`,
        name: 'Matrix',
        businessUnit: ctx.target.unit,
        initial: 'a',
        states: [{ id: 'a', kind: 'final', outcome: 'hired' }],
      },
    },
  }),
  'GET /api/workflows/:id': (ctx) => ({ method: 'GET', path: wf(ctx) }),
  'DELETE /api/workflows/:id': async (ctx) => ({
    method: 'DELETE',
    path: `/api/workflows/${await ctx.freshWorkflow()}`,
  }),
  'PUT /api/workflows/:id/draft': (ctx) => ({
    method: 'PUT',
    path: `${wf(ctx)}/draft`,
    body: { spec: {}, baseRevision: 999 },
  }),
  'POST /api/workflows/:id/validate': (ctx) => ({ method: 'POST', path: `${wf(ctx)}/validate`, body: {} }),
  'POST /api/workflows/:id/publish': (ctx) => ({
    method: 'POST',
    path: `${wf(ctx)}/publish`,
    body: { changelog: 'x', baseRevision: 999 },
  }),
  'GET /api/workflows/:id/versions': (ctx) => ({ method: 'GET', path: `${wf(ctx)}/versions` }),
  'GET /api/workflows/:id/versions/:n': (ctx) => ({ method: 'GET', path: `${wf(ctx)}/versions/1` }),
  'GET /api/workflows/:id/versions/:n/definition': (ctx) => ({
    method: 'GET',
    path: `${wf(ctx)}/versions/1/definition`,
  }),
  'POST /api/workflows/:id/versions/:n/restore': (ctx) => ({
    method: 'POST',
    path: `${wf(ctx)}/versions/1/restore`,
    body: { baseRevision: 999 },
  }),
  'GET /api/workflows/:id/diff': (ctx) => ({ method: 'GET', path: `${wf(ctx)}/diff?from=1&to=draft` }),
  'POST /api/workflows/:id/fork': (ctx) => ({ method: 'POST', path: `${wf(ctx)}/fork`, body: {} }),
  'GET /api/workflows/:id/mappings': (ctx) => ({ method: 'GET', path: `${wf(ctx)}/mappings` }),
  'PUT /api/workflows/:id/mappings': (ctx) => ({
    method: 'PUT',
    path: `${wf(ctx)}/mappings`,
    body: { items: [] },
  }),
  'GET /api/workflows/:id/routing': (ctx) => ({ method: 'GET', path: `${wf(ctx)}/routing` }),
  'PUT /api/workflows/:id/routing': (ctx) => ({
    method: 'PUT',
    path: `${wf(ctx)}/routing`,
    body: { defaultVersion: 1, pilot: null },
  }),
  // No pilot is set on the matrix workflows: promote and rollback answer 409 and change nothing.
  'POST /api/workflows/:id/routing/promote': (ctx) => ({
    method: 'POST',
    path: `${wf(ctx)}/routing/promote`,
  }),
  'POST /api/workflows/:id/routing/rollback': (ctx) => ({
    method: 'POST',
    path: `${wf(ctx)}/routing/rollback`,
  }),
  'GET /api/workflows/:id/pilot-comparison': (ctx) => ({
    method: 'GET',
    path: `${wf(ctx)}/pilot-comparison`,
  }),
  'POST /api/workflows/:id/migrations/dry-run': (ctx) => ({
    method: 'POST',
    path: `${wf(ctx)}/migrations/dry-run`,
    body: { from: 1, to: 1 },
  }),
  // from = to is refused before anything moves.
  'POST /api/workflows/:id/migrations/apply': (ctx) => ({
    method: 'POST',
    path: `${wf(ctx)}/migrations/apply`,
    body: { from: 1, to: 1 },
  }),
  'GET /api/sandboxes': () => ({ method: 'GET', path: '/api/sandboxes' }),
  'POST /api/sandboxes': () => ({
    method: 'POST',
    path: '/api/sandboxes',
    body: { name: `m-${Math.random().toString(36).slice(2, 10)}` },
  }),
  'POST /api/sandboxes/:name/reset': async (ctx) => ({
    method: 'POST',
    path: `/api/sandboxes/${await freshSandbox(ctx)}/reset`,
  }),
  'DELETE /api/sandboxes/:name': async (ctx) => ({
    method: 'DELETE',
    path: `/api/sandboxes/${await freshSandbox(ctx)}`,
  }),
  'POST /api/sandboxes/:name/clock': async (ctx) => ({
    method: 'POST',
    path: `/api/sandboxes/${await freshSandbox(ctx)}/clock`,
    body: { amount: 1, unit: 'minutes' },
  }),
  'POST /api/sandboxes/:name/publish': async (ctx) => ({
    method: 'POST',
    path: `/api/sandboxes/${(await unitSandbox(ctx)).name}/publish`,
    body: { workflowId: ctx.target.workflowId },
  }),
  'POST /api/sandboxes/:name/synthetic': async (ctx) => ({
    method: 'POST',
    path: `/api/sandboxes/${(await unitSandbox(ctx)).name}/synthetic`,
    body: { workflowId: ctx.target.workflowId, count: 1, seed: 2 },
  }),
  'POST /api/sandboxes/:name/instances/:id/events': async (ctx) => {
    const sandbox = await unitSandbox(ctx);
    return {
      method: 'POST',
      path: `/api/sandboxes/${sandbox.name}/instances/${sandbox.instanceId}/events`,
      body: { type: 'NO_SUCH_EVENT' },
    };
  },
  'GET /api/sandboxes/:name/instances': async (ctx) => ({
    method: 'GET',
    path: `/api/sandboxes/${(await unitSandbox(ctx)).name}/instances?workflowId=${ctx.target.workflowId}`,
  }),
  'GET /api/sandboxes/:name/audit': async (ctx) => {
    const sandbox = await unitSandbox(ctx);
    return { method: 'GET', path: `/api/sandboxes/${sandbox.name}/audit?instanceId=${sandbox.instanceId}` };
  },
  'GET /api/sandboxes/:name/effects': async (ctx) => {
    const sandbox = await unitSandbox(ctx);
    return { method: 'GET', path: `/api/sandboxes/${sandbox.name}/effects?instanceId=${sandbox.instanceId}` };
  },
  'GET /api/templates': () => ({ method: 'GET', path: '/api/templates' }),
  'GET /api/templates/:id': () => ({ method: 'GET', path: '/api/templates/offer-approval' }),
  'POST /api/templates/:id/fork': (ctx) => ({
    method: 'POST',
    path: '/api/templates/offer-approval/fork',
    body: { businessUnit: ctx.target.unit },
  }),
  'GET /api/instances': () => ({ method: 'GET', path: '/api/instances' }),
  'POST /api/instances': (ctx) => ({
    method: 'POST',
    path: '/api/instances',
    body: { workflowId: ctx.target.workflowId, subjectId: 'REQ-M' },
  }),
  'GET /api/instances/:id': (ctx) => ({ method: 'GET', path: `/api/instances/${inst(ctx)}` }),
  'POST /api/instances/:id/events': (ctx) => ({
    method: 'POST',
    path: `/api/instances/${inst(ctx)}/events`,
    body: { type: 'NO_SUCH_EVENT' },
  }),
  'GET /api/approvals/inbox': () => ({ method: 'GET', path: '/api/approvals/inbox' }),
  'POST /api/approvals/:taskId/decide': async (ctx) => ({
    method: 'POST',
    path: `/api/approvals/${await ctx.freshTask()}/decide`,
    body: { decision: 'approve' },
  }),
  'POST /api/approvals/:taskId/delegate': async (ctx) => ({
    method: 'POST',
    path: `/api/approvals/${await ctx.freshTask()}/delegate`,
    body: { to: 'someone' },
  }),
  'POST /api/approvals/:taskId/override': async (ctx) => ({
    method: 'POST',
    path: `/api/approvals/${await ctx.freshTask()}/override`,
    body: { justification: 'matrix test override' },
  }),
  'GET /api/audit/instances/:id/entries': (ctx) => ({
    method: 'GET',
    path: `/api/audit/instances/${inst(ctx)}/entries`,
  }),
  'GET /api/audit/instances/:id/export': (ctx) => ({
    method: 'GET',
    path: `/api/audit/instances/${inst(ctx)}/export?format=csv`,
  }),
  'POST /api/audit/instances/:id/verify': (ctx) => ({
    method: 'POST',
    path: `/api/audit/instances/${inst(ctx)}/verify`,
  }),
  'POST /api/audit/instances/:id/replay': (ctx) => ({
    method: 'POST',
    path: `/api/audit/instances/${inst(ctx)}/replay`,
  }),
  'POST /api/audit/instances/:id/what-if': (ctx) => ({
    method: 'POST',
    path: `/api/audit/instances/${inst(ctx)}/what-if`,
    body: { version: 1 },
  }),
  'POST /api/audit/verify': () => ({ method: 'POST', path: '/api/audit/verify' }),
  'GET /api/audit/tree-heads/latest': () => ({ method: 'GET', path: '/api/audit/tree-heads/latest' }),
  'GET /api/audit/proofs/inclusion': () => ({ method: 'GET', path: '/api/audit/proofs/inclusion?seq=1' }),
  'GET /api/audit/proofs/consistency': () => ({
    method: 'GET',
    path: '/api/audit/proofs/consistency?from=0&to=1',
  }),
  'GET /api/audit/export': () => ({ method: 'GET', path: '/api/audit/export' }),
  'GET /api/stream': () => ({ method: 'GET', path: '/api/stream' }),
  'GET /api/webhook-secrets': () => ({ method: 'GET', path: '/api/webhook-secrets' }),
  'POST /api/webhook-secrets': () => ({
    method: 'POST',
    path: '/api/webhook-secrets',
    body: { vendor: 'generic' },
  }),
  'DELETE /api/webhook-secrets/:id': () => ({
    method: 'DELETE',
    path: '/api/webhook-secrets/no-such-secret',
  }),
  'POST /api/webhooks/greenhouse': () => ({ method: 'POST', path: '/api/webhooks/greenhouse', body: {} }),
  'POST /api/webhooks/lever': () => ({ method: 'POST', path: '/api/webhooks/lever', body: {} }),
  'POST /api/webhooks/ashby': () => ({ method: 'POST', path: '/api/webhooks/ashby', body: {} }),
  'POST /api/webhooks/generic': () => ({ method: 'POST', path: '/api/webhooks/generic', body: {} }),
  'GET /api/instances/:id/effects': (ctx) => ({ method: 'GET', path: `/api/instances/${inst(ctx)}/effects` }),
  'GET /api/effects': () => ({ method: 'GET', path: '/api/effects?status=dead' }),
  'POST /api/effects/:id/retry': () => ({
    method: 'POST',
    path: '/api/effects/no-such-effect/retry',
    body: {},
  }),
  'POST /api/effects/:id/discard': () => ({
    method: 'POST',
    path: '/api/effects/no-such-effect/discard',
    body: { reason: 'matrix' },
  }),
  'GET /api/system/delivery': () => ({ method: 'GET', path: '/api/system/delivery' }),
  'GET /api/chat-channels': () => ({ method: 'GET', path: '/api/chat-channels' }),
  'POST /api/chat-channels': () => ({
    method: 'POST',
    path: '/api/chat-channels',
    body: { businessUnit: 'emea', name: 'ta', kind: 'slack', url: 'http://127.0.0.1:9/hook' },
  }),
  'DELETE /api/chat-channels/:id': () => ({ method: 'DELETE', path: '/api/chat-channels/no-such-channel' }),
  'GET /api/notifications': () => ({ method: 'GET', path: '/api/notifications' }),
  'POST /api/notifications/:id/read': () => ({ method: 'POST', path: '/api/notifications/999999/read' }),
  'POST /api/notifications/read-all': () => ({ method: 'POST', path: '/api/notifications/read-all' }),
  'GET /api/notifications/preferences': () => ({ method: 'GET', path: '/api/notifications/preferences' }),
  'PUT /api/notifications/preferences': () => ({
    method: 'PUT',
    path: '/api/notifications/preferences',
    body: { email: 'immediate', inApp: true },
  }),
  'GET /api/sandboxes/:name/delivery': async (ctx) => ({
    method: 'GET',
    path: `/api/sandboxes/${(await unitSandbox(ctx)).name}/delivery`,
  }),
  'PUT /api/sandboxes/:name/delivery': async (ctx) => ({
    method: 'PUT',
    path: `/api/sandboxes/${await freshSandbox(ctx)}/delivery`,
    body: { deliveryMode: 'capture' },
  }),
  'GET /api/webhook-deliveries': () => ({ method: 'GET', path: '/api/webhook-deliveries' }),
  'GET /api/webhook-deliveries/:id': async (ctx) => ({
    method: 'GET',
    path: `/api/webhook-deliveries/${await unitDelivery(ctx)}`,
  }),
  'POST /api/webhook-deliveries/:id/reprocess': () => ({
    method: 'POST',
    path: '/api/webhook-deliveries/no-such-delivery/reprocess',
  }),
  'POST /api/subjects/:id/erasure': () => ({
    method: 'POST',
    path: '/api/subjects/sub_matrix_nobody/erasure',
    body: { reason: 'data_subject_request', reference: 'DSR-MATRIX' },
  }),
  'GET /api/openapi.json': () => ({ method: 'GET', path: '/api/openapi.json' }),
  'GET /api/docs': () => ({ method: 'GET', path: '/api/docs' }),
};
