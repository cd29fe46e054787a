import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { hashPassword } from '../auth/password.ts';
import { listAccessLog } from '../db/accessLog.ts';
import { deleteUserSessions } from '../db/sessions.ts';
import { getUser, getUserByEmail, insertUser, listUsers, toPublicUser, updateUser } from '../db/users.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { validationHook } from '../http/validationHook.ts';
import {
  BusinessUnit,
  IdParams,
  jsonBody,
  jsonResponse,
  problemResponses,
  UserRolesSchema,
  UserSchema,
} from '../schemas/common.ts';

const tags = ['users'];
const NewUserBody = z.strictObject({
  email: z.email().max(254),
  name: z.string().min(1).max(120),
  password: z.string().min(12, 'use at least 12 characters').max(1024),
  roles: UserRolesSchema,
  businessUnits: z.array(BusinessUnit).max(100).default([]),
});
const UserPatch = z.strictObject({
  name: z.string().min(1).max(120).optional(),
  roles: UserRolesSchema.optional(),
  businessUnits: z.array(BusinessUnit).max(100).optional(),
  active: z.boolean().optional(),
});

const list = createRoute({
  method: 'get',
  path: '/api/users',
  tags,
  summary: 'All users (admin)',
  responses: { 200: jsonResponse(z.object({ items: z.array(UserSchema) }), 'Users'), ...problemResponses },
});
const create = createRoute({
  method: 'post',
  path: '/api/users',
  tags,
  summary: 'Create a user (admin)',
  request: { body: jsonBody(NewUserBody) },
  responses: { 201: jsonResponse(z.object({ user: UserSchema }), 'Created'), ...problemResponses },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags,
  summary: 'Change roles, units, or deactivate (admin)',
  request: { params: IdParams, body: jsonBody(UserPatch) },
  responses: { 200: jsonResponse(z.object({ user: UserSchema }), 'Updated'), ...problemResponses },
});
const accessLog = createRoute({
  method: 'get',
  path: '/api/access-log',
  tags: ['audit'],
  summary: 'Who read audit data when',
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(
          z.object({ at: z.string(), userId: z.string(), action: z.string(), target: z.string() }),
        ),
      }),
      'Reads',
    ),
    ...problemResponses,
  },
});

/** Users administration (admin) and the access log of audit reads. */
export function userRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { store } = deps;

  app.openapi(list, (c) => c.json({ items: listUsers(store).map(toPublicUser) }, 200));

  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    if (getUserByEmail(store, body.email)) {
      throw new ProblemError('CONFLICT', 'A user with this email exists', {
        errors: [{ path: 'email', message: 'already taken' }],
      });
    }
    const { password, ...rest } = body;
    const user = insertUser(store, { ...rest, passwordHash: await hashPassword(password), now: now() });
    return c.json({ user: toPublicUser(user) }, 201);
  });

  app.openapi(patch, (c) => {
    const { id } = c.req.valid('param');
    const { active, ...rest } = c.req.valid('json');
    if (!getUser(store, id)) throw new ProblemError('NOT_FOUND');
    const updated = store.db.transaction(() => {
      const deactivation = active === undefined ? {} : { deactivatedAt: active ? null : now() };
      const row = updateUser(store, id, { ...rest, ...deactivation });
      // Sessions end now; tokens are refused by the active-user join on every request.
      if (active === false) deleteUserSessions(store, id);
      return row;
    });
    if (!updated) throw new ProblemError('NOT_FOUND');
    return c.json({ user: toPublicUser(updated) }, 200);
  });

  app.openapi(accessLog, (c) => {
    const items = listAccessLog(store).map((e) => ({
      at: new Date(e.at).toISOString(),
      userId: e.userId,
      action: e.action,
      target: e.target,
    }));
    return c.json({ items }, 200);
  });
  return app;
}
