import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { logAccess } from '../db/accessLog.ts';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { canWriteUnit, type Principal, toEngineActor } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import {
  applyMigration,
  getVersion,
  type MigrationItem,
  planMigration,
  readInstances,
  toVersionId,
} from '../runtime.ts';
import { IdParams, jsonBody, jsonResponse, problemResponses } from '../schemas/common.ts';
import { MigrationBody, MigrationItemSchema } from '../schemas/rollout.ts';
import { loadWorkflow } from '../workflows/workflowAccess.ts';

const tags = ['migrations'];
const Items = z.object({ items: z.array(MigrationItemSchema) });

const dryRun = createRoute({
  method: 'post',
  path: '/api/workflows/{id}/migrations/dry-run',
  tags,
  summary: 'Each affected instance with its resulting state and recomputed timers; changes nothing',
  request: { params: IdParams, body: jsonBody(MigrationBody) },
  responses: { 200: jsonResponse(Items, 'The plan'), ...problemResponses },
});
const apply = createRoute({
  method: 'post',
  path: '/api/workflows/{id}/migrations/apply',
  tags,
  summary: 'Move the instances (one audited transaction each; unmappable ones are reported, not moved)',
  request: { params: IdParams, body: jsonBody(MigrationBody) },
  responses: {
    200: jsonResponse(Items.extend({ applied: z.number().int() }), 'Applied'),
    ...problemResponses,
  },
});

type Body = z.infer<typeof MigrationBody>;

/** Migration of running instances between versions: dry run, then apply (revert = inverse mapping). */
export function migrationRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { store, engine } = deps;

  /** The runtime request: version ids checked, instances limited to those the caller may see. */
  const requestOf = (principal: Principal, workflowId: string, body: Body) => {
    const row = loadWorkflow(store, principal, workflowId);
    if (!canWriteUnit(principal, row.businessUnit ?? '')) throw new ProblemError('FORBIDDEN');
    const versionId = (n: number, path: 'from' | 'to') => {
      const id = toVersionId(row.id, n);
      if (!getVersion(engine.db, id))
        throw new ProblemError('VALIDATION', `${path}: no version ${n}`, {
          errors: [{ path, message: `no version ${n} of ${row.id}` }],
        });
      return id;
    };
    const fromVersionId = versionId(body.from, 'from');
    const toVersionIdValue = versionId(body.to, 'to');
    if (fromVersionId === toVersionIdValue)
      throw new ProblemError('VALIDATION', 'to: choose another version than from', {
        errors: [{ path: 'to', message: 'the same version as from' }],
      });
    const visible = readInstances(
      engine.db,
      toEngineActor(principal),
      { workflowId: row.id, versionId: fromVersionId, status: 'active', limit: 1_000_000 },
      now(),
    ).map((view) => view.id);
    const allowed = new Set(visible);
    return {
      workflowId: row.id,
      fromVersionId,
      toVersionId: toVersionIdValue,
      stateMap: body.stateMap ?? {},
      // Ids the caller cannot see are left out exactly like ids that do not exist.
      instanceIds: body.instanceIds ? body.instanceIds.filter((id) => allowed.has(id)) : visible,
    };
  };
  const checked = (items: MigrationItem[] | undefined): MigrationItem[] => {
    if (!items) throw new ProblemError('NOT_FOUND', 'No such versions of this workflow');
    return items;
  };

  app.openapi(dryRun, (c) => {
    const request = requestOf(c.get('principal'), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ items: checked(planMigration(engine.db, request)) }, 200);
  });

  app.openapi(apply, (c) => {
    const principal = c.get('principal');
    const body = c.req.valid('json');
    const request = requestOf(principal, c.req.valid('param').id, body);
    const items = checked(applyMigration(engine.db, engine.clock, request, toEngineActor(principal)));
    const applied = items.filter((item) => item.applied).length;
    logAccess(store, {
      userId: principal.user.id,
      action: `migration.apply:v${body.from}->v${body.to}:${applied}`,
      target: `workflow:${request.workflowId}`,
      now: now(),
    });
    return c.json({ items, applied }, 200);
  });
  return app;
}
