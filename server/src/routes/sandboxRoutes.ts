import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { clearSandboxDelivery } from '../db/deliveryAdmin.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { validationHook } from '../http/validationHook.ts';
import { publishIntoSandbox } from '../sandboxes/publishIntoSandbox.ts';
import { requireSandboxes, sandboxCalendar, sandboxCall, toSandboxView } from '../sandboxes/sandboxAccess.ts';
import { IdParam, jsonBody, jsonResponse, problemResponses } from '../schemas/common.ts';
import { ClockAdvance, SandboxName, SandboxParams, SandboxSchema } from '../schemas/rollout.ts';

const tags = ['sandboxes'];
const Answer = z.object({ sandbox: SandboxSchema });

const list = createRoute({
  method: 'get',
  path: '/api/sandboxes',
  tags,
  summary: 'Named sandboxes',
  responses: {
    200: jsonResponse(z.object({ items: z.array(SandboxSchema) }), 'Sandboxes'),
    ...problemResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/sandboxes',
  tags,
  summary: 'Create a sandbox: its own database and manual clock',
  request: {
    body: jsonBody(z.strictObject({ name: SandboxName, start: z.iso.datetime().optional() })),
  },
  responses: { 201: jsonResponse(Answer, 'Created'), ...problemResponses },
});
const reset = createRoute({
  method: 'post',
  path: '/api/sandboxes/{name}/reset',
  tags,
  summary: 'Empty a sandbox (its clock stays where it is)',
  request: { params: SandboxParams },
  responses: { 200: jsonResponse(Answer, 'Reset'), ...problemResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/sandboxes/{name}',
  tags,
  summary: 'Delete a sandbox and its files',
  request: { params: SandboxParams },
  responses: { 204: { description: 'Deleted' }, ...problemResponses },
});
const clock = createRoute({
  method: 'post',
  path: '/api/sandboxes/{name}/clock',
  tags,
  summary: 'Advance the sandbox clock ("+3 business days"), firing due timers in order',
  request: { params: SandboxParams, body: jsonBody(ClockAdvance) },
  responses: {
    200: jsonResponse(z.object({ sandbox: SandboxSchema, fired: z.number().int() }), 'Advanced'),
    ...problemResponses,
  },
});
const publish = createRoute({
  method: 'post',
  path: '/api/sandboxes/{name}/publish',
  tags,
  summary: "Publish a workflow's draft (or production version n) into the sandbox",
  request: {
    params: SandboxParams,
    body: jsonBody(z.strictObject({ workflowId: IdParam, version: z.number().int().min(1).optional() })),
  },
  responses: {
    201: jsonResponse(z.object({ version: z.record(z.string(), z.unknown()) }), 'Published'),
    ...problemResponses,
  },
});

/** Sandboxes: create, list, reset, delete, advance the clock, publish a workflow into one. */
export function sandboxRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const open = (name: string) => {
    const manager = requireSandboxes(deps);
    return sandboxCall(() => {
      const sandbox = manager.get(name);
      const info = manager.list().find((s) => s.name === name);
      return { manager, sandbox, createdAt: info?.createdAt ?? sandbox.clock.now().toISOString() };
    });
  };

  app.openapi(list, (c) => {
    const manager = requireSandboxes(deps);
    const items = manager.list().map((info) => toSandboxView(manager.get(info.name), info.createdAt));
    return c.json({ items }, 200);
  });

  app.openapi(create, (c) => {
    const manager = requireSandboxes(deps);
    const body = c.req.valid('json');
    const info = sandboxCall(() =>
      manager.create(body.name, body.start === undefined ? undefined : new Date(body.start)),
    );
    return c.json({ sandbox: toSandboxView(manager.get(info.name), info.createdAt) }, 201);
  });

  app.openapi(reset, (c) => {
    const { manager, createdAt } = open(c.req.valid('param').name);
    const info = sandboxCall(() => manager.reset(c.req.valid('param').name));
    return c.json({ sandbox: toSandboxView(manager.get(info.name), createdAt) }, 200);
  });

  app.openapi(remove, (c) => {
    const { manager } = open(c.req.valid('param').name);
    sandboxCall(() => manager.delete(c.req.valid('param').name));
    clearSandboxDelivery(deps.store, c.req.valid('param').name);
    return c.body(null, 204);
  });

  app.openapi(clock, (c) => {
    const { sandbox, createdAt } = open(c.req.valid('param').name);
    const body = c.req.valid('json');
    const calendar = sandboxCalendar(sandbox, c.get('principal'), body.workflowId);
    const { fired } = sandbox.advance({ amount: body.amount, unit: body.unit }, calendar);
    return c.json({ sandbox: toSandboxView(sandbox, createdAt), fired }, 200);
  });

  app.openapi(publish, (c) => {
    const { sandbox } = open(c.req.valid('param').name);
    const version = publishIntoSandbox(deps.store, sandbox, c.get('principal'), c.req.valid('json'));
    return c.json({ version: { ...version } }, 201);
  });
  return app;
}
