import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { recordEffectAction } from '../db/deliveryAdmin.ts';
import { toEffectView } from '../delivery/effectViews.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { requireVisible } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import {
  countEffectsByStatus,
  discardEffect,
  getInstance,
  listEffects,
  OUTBOX_STATUSES,
  retryEffect,
} from '../runtime.ts';
import { IdParams, jsonBody, jsonResponse, problemResponses } from '../schemas/common.ts';
import { DeliveryStatusSchema, EffectSchema } from '../schemas/delivery.ts';

const tags = ['effects'];
const Items = z.object({ items: z.array(EffectSchema) });

const instanceEffects = createRoute({
  method: 'get',
  path: '/api/instances/{id}/effects',
  tags,
  summary: "An instance's effects (notifications, webhooks, tickets) and their delivery status",
  request: { params: IdParams },
  responses: { 200: jsonResponse(Items, 'Effects, oldest first'), ...problemResponses },
});
const listAll = createRoute({
  method: 'get',
  path: '/api/effects',
  tags,
  summary: 'Effects by status, newest first (the dead-letter view: ?status=dead)',
  request: {
    query: z.strictObject({
      status: z.enum(OUTBOX_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: { 200: jsonResponse(Items, 'Effects'), ...problemResponses },
});
const retry = createRoute({
  method: 'post',
  path: '/api/effects/{id}/retry',
  tags,
  summary: 'Retry a dead or undeliverable effect (recorded with the admin and reason)',
  request: { params: IdParams, body: jsonBody(z.strictObject({ reason: z.string().max(500).optional() })) },
  responses: { 200: jsonResponse(z.object({ effect: EffectSchema }), 'Pending again'), ...problemResponses },
});
const discard = createRoute({
  method: 'post',
  path: '/api/effects/{id}/discard',
  tags,
  summary: 'Discard a dead or undeliverable effect, with a reason (recorded)',
  request: {
    params: IdParams,
    body: jsonBody(z.strictObject({ reason: z.string().trim().min(3).max(500) })),
  },
  responses: { 200: jsonResponse(z.object({ effect: EffectSchema }), 'Discarded'), ...problemResponses },
});
const status = createRoute({
  method: 'get',
  path: '/api/system/delivery',
  tags,
  summary: 'Delivery status: channels configured or not (with reasons), effects by status',
  responses: { 200: jsonResponse(DeliveryStatusSchema, 'Status'), ...problemResponses },
});

/** Effects you can see: per instance, the admin dead-letter view, retry / discard, the status page. */
export function effectRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(instanceEffects, (c) => {
    const instance = requireVisible(
      c.get('principal'),
      getInstance(deps.db, c.req.valid('param').id),
      (i) => i.businessUnit,
    );
    const items = listEffects(deps.db, { instanceId: instance.id, limit: 1000 }).map(toEffectView);
    return c.json({ items }, 200);
  });

  app.openapi(listAll, (c) => {
    const { status: wanted, limit } = c.req.valid('query');
    const items = listEffects(deps.db, {
      ...(wanted === undefined ? {} : { status: wanted }),
      limit,
      order: 'desc',
    });
    return c.json({ items: items.map(toEffectView) }, 200);
  });

  const act = (action: 'retry' | 'discard', id: string, userId: string, reason: string | undefined) => {
    // The runtime records who and why on the row; the server's effect-action log keeps the history.
    const resolution = { by: userId, note: reason };
    const at = now();
    const result =
      action === 'retry'
        ? retryEffect(deps.db, id, at, resolution)
        : discardEffect(deps.db, id, at, resolution);
    if (!result.ok && result.code === 'NOT_FOUND') throw new ProblemError('NOT_FOUND');
    if (!result.ok)
      throw new ProblemError(
        'CONFLICT',
        `only dead or undeliverable effects can be ${action === 'retry' ? 'retried' : 'discarded'}; this one is ${result.status}`,
        { extra: { current: result.status } },
      );
    recordEffectAction(deps.store, { at, userId, effectId: id, action, reason: reason ?? null });
    return toEffectView(result.effect);
  };

  app.openapi(retry, (c) => {
    const effect = act(
      'retry',
      c.req.valid('param').id,
      c.get('principal').user.id,
      c.req.valid('json').reason,
    );
    return c.json({ effect }, 200);
  });

  app.openapi(discard, (c) => {
    const effect = act(
      'discard',
      c.req.valid('param').id,
      c.get('principal').user.id,
      c.req.valid('json').reason,
    );
    return c.json({ effect }, 200);
  });

  app.openapi(status, (c) => {
    if (!deps.delivery) throw new ProblemError('NOT_FOUND', 'This server has no effect delivery');
    return c.json(
      {
        channels: deps.delivery.channels(),
        counts: countEffectsByStatus(deps.db),
        deliveringSandboxes: deps.delivery.deliveringSandboxes(),
      },
      200,
    );
  });
  return app;
}
