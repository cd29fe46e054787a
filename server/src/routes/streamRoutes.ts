import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { canSeeUnit } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import { type AuditEntry, getInstance, latestAuditSeq, listAuditEntriesAfter } from '../runtime.ts';
import { problemResponses } from '../schemas/common.ts';
import { createNotificationTail } from './notificationStream.ts';

const POLL_MS = 250;
const PING_MS = 20_000;

const stream = createRoute({
  method: 'get',
  path: '/api/stream',
  tags: ['stream'],
  summary: 'Server-Sent Events of transitions, approvals, escalations',
  request: { query: z.strictObject({ workflowId: z.string().max(64).optional() }) },
  responses: { 200: { description: 'text/event-stream' }, ...problemResponses },
});

const leaves = (value: unknown): string[] =>
  value === null || value === undefined
    ? []
    : typeof value === 'string'
      ? [value]
      : Object.entries(value as object).flatMap(([k, v]) =>
          typeof v === 'string' ? [`${k}.${v}`] : leaves(v),
        );

/** The SSE messages one audit entry becomes. */
function toMessages(entry: AuditEntry): { event: string; data: unknown }[] {
  const base = { instanceId: entry.instanceId, workflowId: entry.workflowId, at: entry.at };
  const messages: { event: string; data: unknown }[] = [];
  if (entry.kind === 'refused') return messages;
  messages.push({
    event: 'transition',
    data: { ...base, from: leaves(entry.from), to: leaves(entry.to), event: entry.event.type },
  });
  if (entry.kind === 'approval' || entry.kind === 'override') {
    messages.push({ event: 'approval', data: { ...base, event: entry.event.type, to: leaves(entry.to) } });
  }
  if (entry.kind === 'timer')
    messages.push({ event: 'escalation', data: { ...base, timer: entry.event.type } });
  return messages;
}

/**
 * `GET /api/stream`: tails the audit log (the source of truth, so nothing is missed between polls)
 * and sends what the caller may see. The event id is the audit `seq`, so `Last-Event-ID` resumes.
 */
export function streamRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(stream, (c) => {
    const principal = c.get('principal');
    const { workflowId } = c.req.valid('query');
    const resumeFrom = Number(c.req.header('last-event-id'));
    let after = Number.isSafeInteger(resumeFrom) && resumeFrom > 0 ? resumeFrom : latestSeq(deps);
    const units = new Map<string, string | undefined>();
    const unitOf = (id: string) => {
      if (!units.has(id)) units.set(id, getInstance(deps.db, id)?.businessUnit);
      return units.get(id);
    };
    const notifications = createNotificationTail(deps.store, principal.user.id);
    return streamSSE(c, async (sse) => {
      let lastPing = Date.now();
      // The shutdown signal ends the loop, so a graceful stop is not held open by a listener.
      while (!sse.aborted && !sse.closed && deps.shutdown?.aborted !== true) {
        for (const entry of listAuditEntriesAfter(deps.db, after, 500)) {
          after = entry.seq;
          if (workflowId !== undefined && entry.workflowId !== workflowId) continue;
          const unit = unitOf(entry.instanceId);
          if (unit === undefined || !canSeeUnit(principal, unit)) continue;
          for (const message of toMessages(entry)) {
            await sse.writeSSE({
              id: String(entry.seq),
              event: message.event,
              data: JSON.stringify(message.data),
            });
          }
        }
        await notifications((message) => sse.writeSSE(message));
        if (Date.now() - lastPing >= PING_MS) {
          await sse.write(': ping\n\n');
          lastPing = Date.now();
        }
        await sse.sleep(POLL_MS);
      }
    });
  });
  return app;
}

function latestSeq(deps: AppDeps): number {
  return latestAuditSeq(deps.db);
}
