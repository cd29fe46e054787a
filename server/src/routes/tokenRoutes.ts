import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createSecretToken } from '../auth/secretToken.ts';
import { insertApiToken, listApiTokens, revokeApiToken } from '../db/apiTokens.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { validationHook } from '../http/validationHook.ts';
import { rateLimit } from '../middleware/rateLimit.ts';
import { IdParams, jsonBody, jsonResponse, problemResponses } from '../schemas/common.ts';

const tags = ['tokens'];
const TokenSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiTokenSummary');

const list = createRoute({
  method: 'get',
  path: '/api/tokens',
  tags,
  summary: 'My personal API tokens (never the secrets)',
  responses: { 200: jsonResponse(z.object({ items: z.array(TokenSummary) }), 'Tokens'), ...problemResponses },
});
const create = createRoute({
  method: 'post',
  path: '/api/tokens',
  tags,
  summary: 'Create a personal API token; the secret is shown once',
  request: { body: jsonBody(z.strictObject({ name: z.string().min(1).max(80) })) },
  responses: {
    201: jsonResponse(z.object({ token: z.string(), summary: TokenSummary }), 'Created'),
    ...problemResponses,
  },
});
const revoke = createRoute({
  method: 'delete',
  path: '/api/tokens/{id}',
  tags,
  summary: 'Revoke one of my tokens',
  request: { params: IdParams },
  responses: { 204: { description: 'Revoked' }, ...problemResponses },
});

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Personal API tokens of the signed-in user. */
export function tokenRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(
    '/api/tokens',
    rateLimit({ limit: deps.rateLimits?.tokens ?? 30, now, trustedHops: deps.trustProxyHops ?? 0 }),
  );
  const view = (t: {
    id: string;
    name: string;
    createdAt: number;
    lastUsedAt: number | null;
    revokedAt: number | null;
  }) => ({
    id: t.id,
    name: t.name,
    createdAt: new Date(t.createdAt).toISOString(),
    lastUsedAt: isoOrNull(t.lastUsedAt),
    revokedAt: isoOrNull(t.revokedAt),
  });

  app.openapi(list, (c) =>
    c.json({ items: listApiTokens(deps.store, c.get('principal').user.id).map(view) }, 200),
  );

  app.openapi(create, (c) => {
    const token = createSecretToken('hf_');
    const summary = insertApiToken(deps.store, {
      userId: c.get('principal').user.id,
      name: c.req.valid('json').name,
      token,
      now: now(),
    });
    return c.json({ token, summary: view(summary) }, 201);
  });

  app.openapi(revoke, (c) => {
    if (!revokeApiToken(deps.store, c.get('principal').user.id, c.req.valid('param').id, now())) {
      throw new ProblemError('NOT_FOUND');
    }
    return c.body(null, 204);
  });
  return app;
}
