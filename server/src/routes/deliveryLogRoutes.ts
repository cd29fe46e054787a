import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getDelivery, listAttempts, listDeliveries } from '../db/deliveryLog.ts';
import { hasBody } from '../db/webhookBodies.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { canSeeUnit, type Principal } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import { IdParams, jsonResponse, PageQuery, Problem, problemResponses } from '../schemas/common.ts';
import { DELIVERY_OUTCOMES } from '../webhooks/deliveryOutcome.ts';
import { toDeliveryDetail, toDeliverySummary } from '../webhooks/deliveryViews.ts';
import { reprocessDelivery } from '../webhooks/reprocessDelivery.ts';
import { DeliveryAnswer } from './webhookRoutes.ts';

const tags = ['webhooks'];
const Outcome = z.enum(DELIVERY_OUTCOMES);
const Summary = z
  .object({
    id: z.string(),
    vendor: z.string(),
    vendorDeliveryId: z.string().nullable(),
    receivedAt: z.string(),
    bodyDigest: z.string(),
    bodyBytes: z.number().int(),
    vendorEvent: z.string().nullable(),
    externalRef: z.string().nullable(),
    stage: z.string().nullable(),
    outcome: Outcome,
    reason: z.string().nullable(),
    duplicateOf: z.string().nullable(),
    attempts: z.number().int(),
    lastProcessedAt: z.string(),
  })
  .openapi('WebhookDelivery');
const Detail = Summary.extend({
  results: DeliveryAnswer.shape.results,
  history: z.array(
    z.object({ at: z.string(), actor: z.string(), outcome: z.string(), reason: z.string().nullable() }),
  ),
  bodyKept: z.boolean().describe('A body is kept: the delivery can be re-processed'),
}).openapi('WebhookDeliveryDetail');

const list = createRoute({
  method: 'get',
  path: '/api/webhook-deliveries',
  tags,
  summary: 'The delivery log, newest first',
  request: {
    query: z.strictObject({
      vendor: z.enum(['greenhouse', 'lever', 'ashby', 'generic']).optional(),
      outcome: z
        .string()
        .max(300)
        .optional()
        .describe(`One or more (comma-separated) of ${DELIVERY_OUTCOMES.join(', ')}`),
      externalRef: z.string().min(1).max(200).optional(),
      ...PageQuery,
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(Summary), nextCursor: z.string().nullable() }), 'Deliveries'),
    ...problemResponses,
  },
});
const get = createRoute({
  method: 'get',
  path: '/api/webhook-deliveries/{id}',
  tags,
  summary: 'One delivery with its results and processing history',
  request: { params: IdParams },
  responses: { 200: jsonResponse(z.object({ delivery: Detail }), 'The delivery'), ...problemResponses },
});
const reprocess = createRoute({
  method: 'post',
  path: '/api/webhook-deliveries/{id}/reprocess',
  tags,
  summary: "Run a kept delivery through today's mappings again (idempotent, logged)",
  request: { params: IdParams },
  responses: {
    200: jsonResponse(z.object({ delivery: Detail, answer: DeliveryAnswer }), 'Re-processed'),
    409: {
      description: 'Nothing to re-process (applied, refused at the door, expired or erased)',
      content: { 'application/problem+json': { schema: Problem } },
    },
    ...problemResponses,
  },
});

const encodeCursor = (row: { receivedAt: string; id: string }) =>
  Buffer.from(`${Date.parse(row.receivedAt)}:${row.id}`).toString('base64url');
function decodeCursor(cursor: string | undefined): { receivedAt: number; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const match = /^(\d{1,15}):([\w-]{1,64})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1] || !match[2])
    throw new ProblemError('VALIDATION', 'Invalid cursor', {
      errors: [{ path: 'cursor', message: 'use the nextCursor of a previous page' }],
    });
  return { receivedAt: Number(match[1]), id: match[2] };
}
function parseOutcomes(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const outcomes = text.split(',').map((o) => o.trim());
  const unknown = outcomes.find((o) => !Outcome.safeParse(o).success);
  if (unknown !== undefined)
    throw new ProblemError('VALIDATION', 'Unknown outcome', {
      errors: [{ path: 'outcome', message: `"${unknown}" is not one of ${DELIVERY_OUTCOMES.join(', ')}` }],
    });
  return outcomes;
}

/**
 * The delivery log: list (filters, keyset cursor), one delivery, re-processing. Admins see every row;
 * designers the rows that touched their units' workflows and those that touched none (the failures
 * that need configuring). Rows hold no personal data; the kept bodies are never shown.
 */
export function deliveryLogRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { store } = deps;
  const visible = (principal: Principal, id: string) => {
    const row = getDelivery(store, id);
    if (!row) throw new ProblemError('NOT_FOUND');
    const units = row.businessUnits;
    if (units.length > 0 && !units.some((unit) => canSeeUnit(principal, unit)))
      throw new ProblemError('NOT_FOUND');
    return row;
  };
  const detail = (principal: Principal, id: string) =>
    toDeliveryDetail(
      store,
      principal,
      visible(principal, id),
      listAttempts(store, id),
      hasBody(store, id, now()),
    );

  app.openapi(list, (c) => {
    const q = c.req.valid('query');
    const rows = listDeliveries(store, {
      vendor: q.vendor,
      outcomes: parseOutcomes(q.outcome),
      externalRef: q.externalRef,
      units: c.get('principal').units,
      before: decodeCursor(q.cursor),
      limit: q.limit,
    });
    const items = rows.slice(0, q.limit).map(toDeliverySummary);
    const last = items.at(-1);
    return c.json({ items, nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null }, 200);
  });

  app.openapi(get, (c) => c.json({ delivery: detail(c.get('principal'), c.req.valid('param').id) }, 200));

  app.openapi(reprocess, (c) => {
    const principal = c.get('principal');
    const { id } = c.req.valid('param');
    visible(principal, id);
    const { id: delivery, ...rest } = reprocessDelivery(store, deps.engine, id, principal.user.id, now());
    return c.json({ delivery: detail(principal, id), answer: { delivery, ...rest } }, 200);
  });
  return app;
}
