import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { logAccess } from '../db/accessLog.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { toEngineActor } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import { eraseSubject } from '../privacy/eraseSubject.ts';
import { ERASURE_REASONS, getSubject, scrubDatabaseFile } from '../runtime.ts';
import { jsonBody, jsonResponse, problemResponses } from '../schemas/common.ts';

const SubjectParams = z.object({ id: z.string().regex(/^sub_[A-Za-z0-9_-]{1,100}$/) });

const erase = createRoute({
  method: 'post',
  path: '/api/subjects/{id}/erasure',
  tags: ['privacy'],
  summary: "Erase a subject's personal data (right to erasure); the audit chains stay valid",
  request: {
    params: SubjectParams,
    body: jsonBody(
      z.strictObject({
        reason: z.enum(ERASURE_REASONS),
        /** A case or ticket number, never a name: it is recorded in the audit log. */
        reference: z
          .string()
          .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'letters, digits and ._:- only (a case number, not a name)')
          .optional(),
      }),
    ),
  },
  responses: {
    200: jsonResponse(
      z.object({
        subjectId: z.string(),
        erased: z.boolean(),
        instances: z.number().int(),
        /** Raw ATS deliveries kept for re-processing that named the subject, now deleted. */
        atsBodies: z.number().int(),
        erasedAt: z.string(),
        scrubbed: z.boolean(),
      }),
      'Erased (or already erased: `erased` false)',
    ),
    ...problemResponses,
  },
});

/**
 * Privacy: erasure of a subject. Deletes the subject's data key (crypto-shredding), audits the
 * erasure on each instance, then scrubs the database file (secure_delete + TRUNCATE checkpoint).
 */
export function privacyRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { engine, store } = deps;

  app.openapi(erase, (c) => {
    const principal = c.get('principal');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    if (!getSubject(engine.db, id)) throw new ProblemError('NOT_FOUND', 'No such subject');
    const { atsBodies, ...result } = eraseSubject(engine, store, id, toEngineActor(principal), body);
    const scrubbed = scrubDatabaseFile(engine.db);
    logAccess(store, {
      userId: principal.user.id,
      action: 'subject.erase',
      target: `subject:${id}`,
      now: now(),
    });
    const erasedAt = getSubject(engine.db, id)?.erasedAt ?? now();
    return c.json(
      { subjectId: id, ...result, atsBodies, erasedAt: new Date(erasedAt).toISOString(), scrubbed },
      200,
    );
  });
  return app;
}
