import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { activeWebhookSecrets } from '../db/webhookStore.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { validationHook } from '../http/validationHook.ts';
import { rateLimit } from '../middleware/rateLimit.ts';
import { jsonResponse, problemResponses } from '../schemas/common.ts';
import { ashby } from '../webhooks/ashby.ts';
import { greenhouse } from '../webhooks/greenhouse.ts';
import { ingestDelivery } from '../webhooks/ingestDelivery.ts';
import { lever } from '../webhooks/lever.ts';
import { standardWebhooks } from '../webhooks/standardWebhooks.ts';
import type { VendorAdapter } from '../webhooks/vendorAdapter.ts';

const ADAPTERS: Record<string, VendorAdapter> = { greenhouse, lever, ashby, generic: standardWebhooks };

const Outcome = z.object({
  duplicate: z.boolean(),
  results: z.array(
    z.object({ workflowId: z.string(), instanceId: z.string().nullable(), outcome: z.string() }),
  ),
});

/** Inbound ATS webhooks: verify on the raw bytes, then apply once (inbox + engine in one transaction). */
export function webhookRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(
    '/api/webhooks/*',
    rateLimit({ limit: deps.rateLimits?.webhooks ?? 600, now, trustedHops: deps.trustProxyHops ?? 0 }),
  );

  for (const [path, adapter] of Object.entries(ADAPTERS)) {
    const route = createRoute({
      method: 'post',
      path: `/api/webhooks/${path}`,
      tags: ['webhooks'],
      summary: `Inbound ${adapter.vendor} webhook (signature-verified)`,
      responses: { 200: jsonResponse(Outcome, 'Accepted (or a duplicate, ignored)'), ...problemResponses },
    });
    app.openapi(route, async (c) => {
      const raw = Buffer.from(await c.req.arrayBuffer());
      const request = { raw, header: (name: string) => c.req.header(name), now: now() };
      // Verified before parsing: an unsigned body is never even parsed. Same answer for every failure.
      if (!adapter.verify(request, activeWebhookSecrets(deps.store, adapter.vendor))) {
        throw new ProblemError('UNAUTHENTICATED', 'Missing or invalid webhook signature');
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new ProblemError('BAD_REQUEST', 'Malformed JSON');
      }
      const delivery = adapter.parse(request, body);
      if (!delivery) throw new ProblemError('VALIDATION', `Not a ${adapter.vendor} webhook payload`);
      return c.json(ingestDelivery(deps.store, deps.engine, adapter.vendor, delivery, now()), 200);
    });
  }
  return app;
}
