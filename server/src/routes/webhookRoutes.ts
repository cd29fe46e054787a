import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { activeWebhookSecrets } from '../db/webhookStore.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { validationHook } from '../http/validationHook.ts';
import { rateLimit } from '../middleware/rateLimit.ts';
import { jsonResponse, Problem, problemResponses } from '../schemas/common.ts';
import { DELIVERY_OUTCOMES } from '../webhooks/deliveryOutcome.ts';
import { readLimited } from '../webhooks/readLimited.ts';
import { logRefusedDelivery, receiveDelivery } from '../webhooks/receiveDelivery.ts';
import { WEBHOOK_ADAPTERS } from '../webhooks/webhookAdapters.ts';

/** Largest webhook body accepted by default (Greenhouse's biggest payloads are tens of KiB). */
export const WEBHOOK_BODY_LIMIT = 512 * 1024;

/** The answer to a processed delivery (also the re-processing answer). */
export const DeliveryAnswer = z
  .object({
    delivery: z.string().describe('The delivery log id (GET /api/webhook-deliveries/{id})'),
    outcome: z.enum(DELIVERY_OUTCOMES),
    duplicate: z.boolean(),
    reason: z.string().nullable(),
    results: z.array(
      z.object({
        workflowId: z.string(),
        instanceId: z.string().nullable(),
        outcome: z.enum(['started', 'applied', 'already_started', 'no_instance', 'refused']),
        reason: z.string().optional(),
      }),
    ),
  })
  .openapi('WebhookDeliveryAnswer');

// 202, not 200, for a delivery that was recorded but did not apply: not a silent success, yet no retry
// storm either — the vendor's retry would meet the same missing mapping, while the kept body can be
// re-processed once it is fixed (docs/api.md "Inbound webhooks").
const NOT_APPLIED = new Set(['no_mapping', 'no_instance', 'refused']);
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/**
 * Inbound ATS webhooks: size-check, verify on the raw bytes, parse, then receive once (delivery log +
 * engine in one transaction). Every request leaves a delivery log row, whatever its fate.
 */
export function webhookRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const maxBytes = deps.webhookBodyLimitBytes ?? WEBHOOK_BODY_LIMIT;
  app.use(
    '/api/webhooks/*',
    rateLimit({ limit: deps.rateLimits?.webhooks ?? 600, now, trustedHops: deps.trustProxyHops ?? 0 }),
  );

  for (const [path, adapter] of Object.entries(WEBHOOK_ADAPTERS)) {
    const route = createRoute({
      method: 'post',
      path: `/api/webhooks/${path}`,
      tags: ['webhooks'],
      summary: `Inbound ${adapter.vendor} webhook (signature-verified, logged)`,
      responses: {
        200: jsonResponse(DeliveryAnswer, 'Applied, started, already running, or a duplicate (ignored)'),
        202: jsonResponse(DeliveryAnswer, 'Recorded but not applied: no_mapping, no_instance or refused'),
        400: problem('Malformed JSON (logged as malformed)'),
        413: problem('Body too large (logged as oversized)'),
        ...problemResponses,
      },
    });
    app.openapi(route, async (c) => {
      const at = now();
      const header = (name: string) => c.req.header(name);
      const refuse = (
        outcome: 'invalid_signature' | 'malformed' | 'oversized',
        error: ProblemError,
        raw: Buffer | { unreadBytes: number },
      ): never => {
        logRefusedDelivery(deps.store, adapter, { raw, header, now: at }, outcome, error.message);
        throw error;
      };
      const declared = Number.parseInt(c.req.header('content-length') ?? '', 10);
      const raw = declared > maxBytes ? undefined : await readLimited(c.req.raw.body, maxBytes);
      if (raw === undefined)
        return refuse(
          'oversized',
          new ProblemError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes`),
          { unreadBytes: declared > maxBytes ? declared : maxBytes + 1 },
        );
      const request = { raw, header, now: at };
      // Verified before parsing: an unsigned body is never even parsed. Same answer for every failure.
      if (!adapter.verify(request, activeWebhookSecrets(deps.store, adapter.vendor)))
        return refuse(
          'invalid_signature',
          new ProblemError('UNAUTHENTICATED', 'Missing or invalid webhook signature'),
          raw,
        );
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return refuse('malformed', new ProblemError('BAD_REQUEST', 'Malformed JSON'), raw);
      }
      const delivery = adapter.parse(request, body);
      if (!delivery)
        return refuse(
          'malformed',
          new ProblemError('VALIDATION', `Not a ${adapter.vendor} webhook payload`),
          raw,
        );
      let received: ReturnType<typeof receiveDelivery>;
      try {
        received = receiveDelivery(deps.store, deps.engine, adapter, request, delivery, body);
      } catch (error) {
        // Nothing was applied (the transaction rolled back); the failure is still logged, and the
        // vendor's retry is processed as a first delivery.
        logRefusedDelivery(deps.store, adapter, request, 'failed', 'internal error; the vendor may retry');
        throw error;
      }
      const { id, ...rest } = received;
      return c.json({ delivery: id, ...rest }, NOT_APPLIED.has(rest.outcome) ? 202 : 200);
    });
  }
  return app;
}
