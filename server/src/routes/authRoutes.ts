import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../auth/password.ts';
import { createSecretToken } from '../auth/secretToken.ts';
import { deleteSession, findSession, insertSession } from '../db/sessions.ts';
import { getUserByEmail, toPublicUser } from '../db/users.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { validationHook } from '../http/validationHook.ts';
import { SESSION_COOKIE } from '../middleware/authorize.ts';
import { isHttpsRequest } from '../middleware/clientAddress.ts';
import { rateLimit } from '../middleware/rateLimit.ts';
import { jsonBody, jsonResponse, problemResponses, UserSchema } from '../schemas/common.ts';

const Credentials = z.strictObject({
  email: z.string().min(3).max(254),
  password: z.string().min(1).max(1024),
});
const SessionInfo = z.object({ user: UserSchema, csrfToken: z.string() }).openapi('SessionInfo');

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets the session cookie',
  request: { body: jsonBody(Credentials) },
  responses: { 200: jsonResponse(SessionInfo, 'Signed in'), ...problemResponses },
});
const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out; clears the session cookie',
  responses: { 204: { description: 'Signed out' }, ...problemResponses },
});
const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user and the CSRF token of the session',
  responses: { 200: jsonResponse(SessionInfo, 'The session'), ...problemResponses },
});

/** Login, logout and me: the designer's session cookie and its CSRF token. */
export function authRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const ttlMs = deps.sessionTtlMs ?? 12 * 3600_000;
  app.use(
    '/api/auth/login',
    rateLimit({ limit: deps.rateLimits?.login ?? 10, now, trustedHops: deps.trustProxyHops ?? 0 }),
  );

  app.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const user = getUserByEmail(deps.store, email);
    // Hash even for an unknown email so both answers take the same time.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !ok || user.deactivatedAt !== null) {
      throw new ProblemError('UNAUTHENTICATED', 'Wrong email or password');
    }
    const sessionId = createSecretToken();
    const csrfToken = createSecretToken();
    insertSession(deps.store, { id: sessionId, userId: user.id, csrfToken, now: now(), ttlMs });
    setCookie(c, SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.secureCookies === true || isHttpsRequest(c, deps.trustProxyHops ?? 0),
      path: '/',
      maxAge: Math.floor(ttlMs / 1000),
    });
    return c.json({ user: toPublicUser(user), csrfToken }, 200);
  });

  app.openapi(logout, (c) => {
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (sessionId !== undefined) deleteSession(deps.store, sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.openapi(me, (c) => {
    const principal = c.get('principal');
    const sessionId = getCookie(c, SESSION_COOKIE);
    const session = sessionId === undefined ? undefined : findSession(deps.store, sessionId, now());
    // Token callers have no CSRF token: they never need one.
    return c.json({ user: toPublicUser(principal.user), csrfToken: session?.csrfToken ?? '' }, 200);
  });
  return app;
}
