import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getSandboxDelivery, setSandboxDelivery } from '../db/deliveryAdmin.ts';
import { holdCapturedBeforeDeliver } from '../delivery/effectRows.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { validationHook } from '../http/validationHook.ts';
import { requireSandboxes, sandboxCall } from '../sandboxes/sandboxAccess.ts';
import { jsonBody, jsonResponse, problemResponses } from '../schemas/common.ts';
import { SandboxParams } from '../schemas/rollout.ts';

const Mode = z.enum(['capture', 'deliver']);
const Answer = z.object({ name: z.string(), deliveryMode: Mode });

const get = createRoute({
  method: 'get',
  path: '/api/sandboxes/{name}/delivery',
  tags: ['sandboxes'],
  summary: "A sandbox's delivery mode: capture (default: effects are recorded, never sent) or deliver",
  request: { params: SandboxParams },
  responses: { 200: jsonResponse(Answer, 'Mode'), ...problemResponses },
});
const put = createRoute({
  method: 'put',
  path: '/api/sandboxes/{name}/delivery',
  tags: ['sandboxes'],
  summary:
    "Admin only: deliver this sandbox's effects through the production transports (rehearse with a test mail server), or capture them again",
  request: { params: SandboxParams, body: jsonBody(z.strictObject({ deliveryMode: Mode })) },
  responses: { 200: jsonResponse(Answer, 'Mode'), ...problemResponses },
});

/** The opt-in delivery mode of a sandbox. */
export function sandboxDeliveryRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const existing = (name: string) => sandboxCall(() => requireSandboxes(deps).get(name)).name;

  app.openapi(get, (c) => {
    const name = existing(c.req.valid('param').name);
    return c.json({ name, deliveryMode: getSandboxDelivery(deps.store, name) }, 200);
  });
  app.openapi(put, (c) => {
    const name = existing(c.req.valid('param').name);
    const { deliveryMode } = c.req.valid('json');
    // Switching to deliver sends only what the sandbox does from now on: what it captured before stays
    // captured (marked), so a rehearsal never mails people about steps taken while capturing.
    if (deliveryMode === 'deliver' && getSandboxDelivery(deps.store, name) !== 'deliver')
      holdCapturedBeforeDeliver(requireSandboxes(deps).get(name).db);
    setSandboxDelivery(deps.store, name, deliveryMode, { userId: c.get('principal').user.id, now: now() });
    return c.json({ name, deliveryMode }, 200);
  });
  return app;
}
