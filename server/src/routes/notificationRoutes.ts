import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  getPreferences,
  listNotifications,
  markRead,
  type NotificationRow,
  ownsNotification,
  savePreferences,
} from '../db/notifications.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { validationHook } from '../http/validationHook.ts';
import { jsonBody, jsonResponse, problemResponses } from '../schemas/common.ts';
import { NotificationSchema, PreferencesSchema } from '../schemas/delivery.ts';

const tags = ['notifications'];
const NotificationId = z.strictObject({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const list = createRoute({
  method: 'get',
  path: '/api/notifications',
  tags,
  summary: 'My in-app notifications, newest first, and the unread count',
  responses: {
    200: jsonResponse(z.object({ items: z.array(NotificationSchema), unread: z.number().int() }), 'Mine'),
    ...problemResponses,
  },
});
const readOne = createRoute({
  method: 'post',
  path: '/api/notifications/{id}/read',
  tags,
  summary: 'Mark one of my notifications read',
  request: { params: NotificationId },
  responses: { 200: jsonResponse(z.object({ unread: z.number().int() }), 'Read'), ...problemResponses },
});
const readAll = createRoute({
  method: 'post',
  path: '/api/notifications/read-all',
  tags,
  summary: 'Mark all my notifications read',
  responses: { 200: jsonResponse(z.object({ unread: z.number().int() }), 'Read'), ...problemResponses },
});
const getPrefs = createRoute({
  method: 'get',
  path: '/api/notifications/preferences',
  tags,
  summary: 'How I am notified (email immediate / daily digest / off; in-app on or off)',
  responses: { 200: jsonResponse(PreferencesSchema, 'Preferences'), ...problemResponses },
});
const putPrefs = createRoute({
  method: 'put',
  path: '/api/notifications/preferences',
  tags,
  summary: 'Change how I am notified',
  request: { body: jsonBody(PreferencesSchema) },
  responses: { 200: jsonResponse(PreferencesSchema, 'Saved'), ...problemResponses },
});

/** A notification as the API shows it. */
export function toNotificationView(row: NotificationRow) {
  return {
    id: row.id,
    instanceId: row.instanceId,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
  };
}

/** The caller's own notifications and preferences (every route is about the signed-in user). */
export function notificationRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const unreadOf = (userId: string) => listNotifications(deps.store, userId, 1).unread;

  app.openapi(list, (c) => {
    const { items, unread } = listNotifications(deps.store, c.get('principal').user.id);
    return c.json({ items: items.map(toNotificationView), unread }, 200);
  });
  app.openapi(readOne, (c) => {
    const userId = c.get('principal').user.id;
    // Someone else's notification answers like a missing one.
    const { id } = c.req.valid('param');
    if (!ownsNotification(deps.store, userId, id)) throw new ProblemError('NOT_FOUND');
    markRead(deps.store, userId, now(), id);
    return c.json({ unread: unreadOf(userId) }, 200);
  });
  app.openapi(readAll, (c) => {
    const userId = c.get('principal').user.id;
    markRead(deps.store, userId, now());
    return c.json({ unread: unreadOf(userId) }, 200);
  });
  app.openapi(getPrefs, (c) => c.json(getPreferences(deps.store, c.get('principal').user.id), 200));
  app.openapi(putPrefs, (c) => {
    const prefs = c.req.valid('json');
    savePreferences(deps.store, c.get('principal').user.id, prefs, now());
    return c.json(prefs, 200);
  });
  return app;
}
