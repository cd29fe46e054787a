import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type ChatChannelRow,
  deleteChatChannel,
  insertChatChannel,
  listChatChannels,
} from '../db/chatChannels.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { validationHook } from '../http/validationHook.ts';
import { checkOutboundUrl, NO_OUTBOUND_ALLOW } from '../runtime.ts';
import { IdParams, jsonBody, jsonResponse, problemResponses } from '../schemas/common.ts';
import { ChatChannelSchema, NewChatChannel } from '../schemas/delivery.ts';

const tags = ['delivery'];

const list = createRoute({
  method: 'get',
  path: '/api/chat-channels',
  tags,
  summary: 'Chat channels (Slack-compatible / Teams incoming webhooks) per business unit',
  responses: {
    200: jsonResponse(z.object({ items: z.array(ChatChannelSchema) }), 'Channels'),
    ...problemResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/chat-channels',
  tags,
  summary: 'Add a chat channel (the URL must pass the outbound policy)',
  request: { body: jsonBody(NewChatChannel) },
  responses: { 201: jsonResponse(z.object({ channel: ChatChannelSchema }), 'Added'), ...problemResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/chat-channels/{id}',
  tags,
  summary: 'Remove a chat channel',
  request: { params: IdParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses },
});

/** The API view of a channel: never the URL (it is the credential), only its host. */
function toChannelView(row: ChatChannelRow) {
  return {
    id: row.id,
    businessUnit: row.businessUnit,
    name: row.name,
    kind: row.kind,
    host: new URL(row.url).host,
    roles: row.roles,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** Admin of chat channels. */
export function chatChannelRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(list, (c) => c.json({ items: listChatChannels(deps.store).map(toChannelView) }, 200));

  app.openapi(create, (c) => {
    const body = c.req.valid('json');
    // The URL's form and any address literal are checked here; a host name is checked against what it
    // resolves to at each post (the runtime's guarded fetch), so DNS cannot be swapped after this check.
    const check = checkOutboundUrl(body.url, deps.delivery?.config.outboundAllow ?? NO_OUTBOUND_ALLOW);
    if (!check.ok)
      throw new ProblemError('VALIDATION', `url: ${check.reason}`, {
        errors: [{ path: 'url', message: check.reason }],
      });
    const row = insertChatChannel(deps.store, { ...body, url: new URL(body.url).href, now: now() });
    return c.json({ channel: toChannelView(row) }, 201);
  });

  app.openapi(remove, (c) => {
    if (!deleteChatChannel(deps.store, c.req.valid('param').id)) throw new ProblemError('NOT_FOUND');
    return c.body(null, 204);
  });
  return app;
}
