import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../http/appEnv.ts';
import { ProblemError } from '../http/ProblemError.ts';
import { type Principal, toEngineActor } from '../http/principal.ts';
import { validationHook } from '../http/validationHook.ts';
import { toApprovalTask } from '../instances/instanceViews.ts';
import { refusalProblem } from '../instances/refusalProblem.ts';
import { type ApprovalTaskRow, getApprovalTask, listApprovalTasks, readInstance } from '../runtime.ts';
import { jsonBody, jsonResponse, problemResponses } from '../schemas/common.ts';
import { ApprovalTaskSchema as Task } from '../schemas/instance.ts';

const tags = ['approvals'];
const TaskParams = z.strictObject({
  taskId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'taskId', in: 'path' } }),
});
const taskAnswer = {
  200: jsonResponse(z.object({ task: Task }), 'The task after the decision'),
  ...problemResponses,
};

const inbox = createRoute({
  method: 'get',
  path: '/api/approvals/inbox',
  tags,
  summary: 'Tasks the caller may decide',
  request: { query: z.strictObject({ status: z.enum(['pending']).default('pending') }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Task) }), 'Inbox'), ...problemResponses },
});
const decide = createRoute({
  method: 'post',
  path: '/api/approvals/{taskId}/decide',
  tags,
  summary: 'Approve or reject',
  request: {
    params: TaskParams,
    body: jsonBody(
      z.strictObject({ decision: z.enum(['approve', 'reject']), comment: z.string().max(4000).optional() }),
    ),
  },
  responses: taskAnswer,
});
const delegate = createRoute({
  method: 'post',
  path: '/api/approvals/{taskId}/delegate',
  tags,
  summary: 'Delegate to another user',
  request: {
    params: TaskParams,
    body: jsonBody(
      z.strictObject({ to: z.string().min(1).max(128), comment: z.string().max(4000).optional() }),
    ),
  },
  responses: taskAnswer,
});
const override = createRoute({
  method: 'post',
  path: '/api/approvals/{taskId}/override',
  tags,
  summary: 'Admin override, with justification',
  request: {
    params: TaskParams,
    body: jsonBody(z.strictObject({ justification: z.string().min(10).max(4000) })),
  },
  responses: taskAnswer,
});

/** The role a decision is made in: the task's role when the caller holds it (the engine matches it). */
function actingRole(principal: Principal, task: ApprovalTaskRow): Principal {
  const role = (task.approver as { role?: string }).role;
  const held = principal.user.roles.find((r) => r === role);
  return held ? { ...principal, role: held } : principal;
}

/** Approvals: the caller's inbox, and decide / delegate / override through the engine. */
export function approvalRoutes(deps: AppDeps, now: () => number): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { engine } = deps;

  const visibleTask = (principal: Principal, taskId: string): ApprovalTaskRow => {
    const task = getApprovalTask(engine.db, taskId);
    if (!task || !readInstance(engine.db, task.instanceId, toEngineActor(principal), now())) {
      throw new ProblemError('NOT_FOUND');
    }
    return task;
  };
  const act = (
    principal: Principal,
    task: ApprovalTaskRow,
    type: string,
    payload: Record<string, unknown>,
    note?: string,
  ) => {
    const result = engine.send(
      task.instanceId,
      { type, payload },
      { actor: toEngineActor(actingRole(principal, task)), note },
    );
    if (!result.ok) throw refusalProblem(result);
    return { task: toApprovalTask(getApprovalTask(engine.db, task.id) ?? task) };
  };

  app.openapi(inbox, (c) => {
    const principal = c.get('principal');
    const actor = toEngineActor(principal);
    const tasks = listApprovalTasks(engine.db, {
      status: 'open',
      assignee: { userId: principal.user.id, roles: principal.user.roles },
      limit: 500,
    }).filter((task) => readInstance(engine.db, task.instanceId, actor, now()) !== undefined);
    return c.json({ items: tasks.map(toApprovalTask) }, 200);
  });

  app.openapi(decide, (c) => {
    const principal = c.get('principal');
    const task = visibleTask(principal, c.req.valid('param').taskId);
    return c.json(act(principal, task, 'APPROVAL.DECIDE', c.req.valid('json')), 200);
  });

  app.openapi(delegate, (c) => {
    const principal = c.get('principal');
    const task = visibleTask(principal, c.req.valid('param').taskId);
    return c.json(act(principal, task, 'APPROVAL.DELEGATE', c.req.valid('json')), 200);
  });

  app.openapi(override, (c) => {
    const principal = c.get('principal');
    const task = visibleTask(principal, c.req.valid('param').taskId);
    const { justification } = c.req.valid('json');
    return c.json(act({ ...principal, role: 'admin' }, task, 'APPROVAL.OVERRIDE', {}, justification), 200);
  });
  return app;
}
