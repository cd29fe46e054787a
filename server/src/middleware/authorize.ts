import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { safeEqual } from '../auth/secretToken.ts';
import { ruleFor } from '../authz/accessRules.ts';
import { findTokenUser } from '../db/apiTokens.ts';
import type { ServerStore } from '../db/openServerStore.ts';
import { findSession } from '../db/sessions.ts';
import type { AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { type Principal, unitsOf } from '../http/principal.ts';

/** Name of the designer's session cookie. */
export const SESSION_COOKIE = 'hireflow_session';
/** The detail of a refusal by the route's rule (engine refusals carry the engine's own words). */
export const ROLE_REFUSAL = 'Your role may not call this route';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The handler route Hono matched (the last non-middleware one), as `{ method, path }`. */
function matchedHandler(c: Parameters<MiddlewareHandler>[0]): { method: string; path: string } | undefined {
  // The designer's SPA fallback (`GET *`) is not an API route: unknown /api paths fall to the 404.
  const routes = matchedRoutes(c).filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'));
  const last = routes.at(-1);
  return last && { method: last.method, path: last.path };
}

/**
 * Authenticates and authorizes every `/api` request against {@link ACCESS_RULES}, before any body is
 * validated: a bearer token (integrations) or the session cookie plus `x-csrf-token` on writes (the
 * designer). Unknown routes fall through to the 404 handler; a route without a rule is refused.
 */
export function authorize(store: ServerStore, now: () => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const route = matchedHandler(c);
    if (route === undefined) return next();
    const rule = ruleFor(route.method, route.path);
    if (rule === undefined) throw new ProblemError('FORBIDDEN', 'This route has no access rule');
    if (rule.roles === 'public') return next();

    const principal = authenticate(c, store, now());
    if (rule.roles !== 'authenticated') {
      const role = principal.user.roles.find((held) => (rule.roles as readonly string[]).includes(held));
      if (role === undefined) throw new ProblemError('FORBIDDEN', ROLE_REFUSAL);
      principal.role = role;
    }
    c.set('principal', principal);
    return next();
  };
}

function authenticate(c: Parameters<MiddlewareHandler>[0], store: ServerStore, now: number): Principal {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match?.[1] === undefined ? undefined : findTokenUser(store, match[1]);
    if (user === undefined) throw new ProblemError('UNAUTHENTICATED', 'Unknown or revoked API token');
    return { user, via: 'api', units: unitsOf(user), role: user.roles[0] ?? 'auditor' };
  }
  const sessionId = getCookie(c, SESSION_COOKIE);
  const session = sessionId === undefined ? undefined : findSession(store, sessionId, now);
  if (session === undefined) throw new ProblemError('UNAUTHENTICATED');
  if (!SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header('x-csrf-token') ?? '';
    if (!safeEqual(sent, session.csrfToken)) throw new ProblemError('CSRF');
  }
  const user = session.user;
  return { user, via: 'designer', units: unitsOf(user), role: user.roles[0] ?? 'auditor' };
}
