import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './http/appEnv.ts';
import { onError, problemResponse } from './http/onError.ts';
import { ProblemError } from './http/ProblemError.ts';
import { validationHook } from './http/validationHook.ts';
import { authorize } from './middleware/authorize.ts';
import { limitBody } from './middleware/limitBody.ts';
import { refuseIllFormedText } from './middleware/refuseIllFormedText.ts';
import { hireflowSecureHeaders } from './middleware/secureHeaders.ts';
import { renderDocsPage } from './openapi/docsPage.ts';
import { approvalRoutes } from './routes/approvalRoutes.ts';
import { auditProofRoutes } from './routes/auditProofRoutes.ts';
import { auditRoutes } from './routes/auditRoutes.ts';
import { authRoutes } from './routes/authRoutes.ts';
import { chatChannelRoutes } from './routes/chatChannelRoutes.ts';
import { deliveryLogRoutes } from './routes/deliveryLogRoutes.ts';
import { effectRoutes } from './routes/effectRoutes.ts';
import { forkRoutes } from './routes/forkRoutes.ts';
import { instanceRoutes } from './routes/instanceRoutes.ts';
import { migrationRoutes } from './routes/migrationRoutes.ts';
import { notificationRoutes } from './routes/notificationRoutes.ts';
import { privacyRoutes } from './routes/privacyRoutes.ts';
import { routingRoutes } from './routes/routingRoutes.ts';
import { sandboxDeliveryRoutes } from './routes/sandboxDeliveryRoutes.ts';
import { sandboxRoutes } from './routes/sandboxRoutes.ts';
import { sandboxRunRoutes } from './routes/sandboxRunRoutes.ts';
import { streamRoutes } from './routes/streamRoutes.ts';
import { tokenRoutes } from './routes/tokenRoutes.ts';
import { userRoutes } from './routes/userRoutes.ts';
import { versionRoutes } from './routes/versionRoutes.ts';
import { webhookAdminRoutes } from './routes/webhookAdminRoutes.ts';
import { webhookRoutes } from './routes/webhookRoutes.ts';
import { workflowRoutes } from './routes/workflowRoutes.ts';

const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Hireflow',
    version: '0.1.0',
    description: 'Hiring workflows: design, publish, run, audit.',
  },
};

/**
 * Builds the Hono app: secure headers, body limit and the authorization table in front of every
 * route, one resource per route module, one `onError` for problem+json, and the OpenAPI 3.1 document
 * generated from the same zod schemas that validate requests.
 *
 * @example
 * const app = createApp({ db, store: openServerStore(db) });
 * serve({ fetch: app.fetch, port: 8080 });
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const now = () => deps.engine.clock.now().getTime();
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(onError);
  app.notFound(() => problemResponse(new ProblemError('NOT_FOUND')));

  app.use('*', hireflowSecureHeaders());
  const bodyLimit = limitBody(deps.bodyLimitBytes ?? 1024 * 1024);
  // Webhook routes bound their bodies themselves, so an oversized delivery still leaves a log row.
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/webhooks/') ? next() : bodyLimit(c, next)));
  app.use('/api/*', authorize(deps.store, now));
  app.use('/api/*', refuseIllFormedText());

  const resources = [authRoutes, tokenRoutes, userRoutes, workflowRoutes, versionRoutes, forkRoutes];
  const engineResources = [instanceRoutes, approvalRoutes, auditRoutes, streamRoutes, auditProofRoutes];
  const rolloutResources = [routingRoutes, migrationRoutes, sandboxRoutes, sandboxRunRoutes];
  const deliveryResources = [effectRoutes, chatChannelRoutes, notificationRoutes, sandboxDeliveryRoutes];
  for (const routes of [
    ...resources,
    ...engineResources,
    ...rolloutResources,
    webhookRoutes,
    webhookAdminRoutes,
    ...deliveryResources,
    deliveryLogRoutes,
    privacyRoutes,
  ]) {
    app.route('/', routes(deps, now));
  }

  app.doc31('/api/openapi.json', OPENAPI_CONFIG);
  app.get('/api/docs', (c) => c.html(renderDocsPage(app.getOpenAPI31Document(OPENAPI_CONFIG))));
  return app;
}
