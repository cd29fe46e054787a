import type { WorkflowSpec, WorkflowSpecInput } from '@hireflow/runtime/model';
import type {
  ApprovalTask,
  AuditEntry,
  Diagnostic,
  Draft,
  ForkRequest,
  Instance,
  InstanceSummary,
  Page,
  ReplayStep,
  Session,
  SpecDiff,
  TemplateSummary,
  VerifyResult,
  Version,
  VersionSummary,
  WhatIfResult,
  WhatIfStep,
  WorkflowSummary,
} from './apiTypes.ts';
import type {
  CapturedEffect,
  DurationUnit,
  MigrationItem,
  MigrationRequest,
  PilotComparison,
  Routing,
  Sandbox,
  SandboxAuditEntry,
  SandboxPublication,
  SyntheticResult,
} from './rolloutTypes.ts';
import { toStateIds } from './stateIds.ts';
import type { WebhookDelivery, WebhookDeliveryDetail } from './webhookDeliveryTypes.ts';

/** An RFC 9457 problem answered by the server, thrown by every client call that does not succeed. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly code: string | undefined,
    readonly errors: { path: string; message: string }[],
    /** The whole problem body (e.g. `current` on a 409 revision conflict). */
    readonly body: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }
}

let csrfToken: string | undefined;

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    throw new ApiProblem(
      response.status,
      typeof json.title === 'string' ? json.title : response.statusText,
      typeof json.detail === 'string' ? json.detail : undefined,
      typeof json.code === 'string' ? json.code : undefined,
      Array.isArray(json.errors) ? (json.errors as { path: string; message: string }[]) : [],
      json,
    );
  }
  return json as T;
}

const q = (params: Record<string, string | number | boolean | undefined>) => {
  const entries = Object.entries(params).filter(
    (e): e is [string, string | number | boolean] => e[1] !== undefined,
  );
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
};
const id = encodeURIComponent;

/** Remembers the session's CSRF token for later writes. */
function keep(session: Session): Session {
  csrfToken = session.csrfToken;
  return session;
}

/** The designer's one door to the server (docs/api.md). */
export const api = {
  login: async (email: string, password: string) =>
    keep(await request<Session>('POST', '/auth/login', { email, password })),
  logout: async () => {
    await request<void>('POST', '/auth/logout');
    csrfToken = undefined;
  },
  me: async () => keep(await request<Session>('GET', '/auth/me')),

  listWorkflows: (filter: { q?: string; businessUnit?: string } = {}) =>
    request<Page<WorkflowSummary>>('GET', `/workflows${q(filter)}`),
  createWorkflow: (spec: WorkflowSpecInput) =>
    request<{ workflow: WorkflowSummary; draft: Draft }>('POST', '/workflows', { spec }),
  getWorkflow: (workflowId: string) =>
    request<{ workflow: WorkflowSummary; draft: Draft }>('GET', `/workflows/${id(workflowId)}`),
  saveDraft: (workflowId: string, spec: WorkflowSpec, baseRevision: number) =>
    request<{ draft: Draft; diagnostics: Diagnostic[] }>('PUT', `/workflows/${id(workflowId)}/draft`, {
      spec,
      baseRevision,
    }),
  validate: (workflowId: string, spec?: WorkflowSpec) =>
    request<{ diagnostics: Diagnostic[]; hash: string }>(
      'POST',
      `/workflows/${id(workflowId)}/validate`,
      spec ? { spec } : {},
    ),
  publish: (workflowId: string, changelog: string, baseRevision: number) =>
    request<{ version: VersionSummary; unchanged?: boolean }>(
      'POST',
      `/workflows/${id(workflowId)}/publish`,
      {
        changelog,
        baseRevision,
      },
    ),
  listVersions: (workflowId: string) =>
    request<Page<VersionSummary>>('GET', `/workflows/${id(workflowId)}/versions`),
  getVersion: (workflowId: string, n: number) =>
    request<{ version: Version }>('GET', `/workflows/${id(workflowId)}/versions/${n}`),
  restoreVersion: (workflowId: string, n: number, baseRevision: number) =>
    request<{ draft: Draft }>('POST', `/workflows/${id(workflowId)}/versions/${n}/restore`, { baseRevision }),
  diff: (workflowId: string, from: number | 'draft', to: number | 'draft') =>
    request<{ from: number | 'draft'; to: number | 'draft'; diff: SpecDiff }>(
      'GET',
      `/workflows/${id(workflowId)}/diff${q({ from, to })}`,
    ),
  forkWorkflow: (workflowId: string, body: ForkRequest = {}) =>
    request<{ workflow: WorkflowSummary; draft: Draft }>('POST', `/workflows/${id(workflowId)}/fork`, body),

  listTemplates: () => request<{ items: TemplateSummary[] }>('GET', '/templates'),
  getTemplate: (templateId: string) =>
    request<{ template: TemplateSummary; spec: WorkflowSpec }>('GET', `/templates/${id(templateId)}`),
  forkTemplate: (templateId: string, body: ForkRequest = {}) =>
    request<{ workflow: WorkflowSummary; draft: Draft }>('POST', `/templates/${id(templateId)}/fork`, body),

  listInstances: (filter: { workflowId?: string; state?: string; overdue?: boolean } = {}) =>
    request<Page<InstanceSummary>>('GET', `/instances${q(filter)}`),
  getInstance: (instanceId: string) => request<{ instance: Instance }>('GET', `/instances/${id(instanceId)}`),

  // The server answers the runtime's state values (a string, an object for parallel states, null
  // before the start); the designer works with lists of state ids.
  auditEntries: async (instanceId: string): Promise<Page<AuditEntry>> => {
    const page = await request<Page<AuditEntry>>('GET', `/audit/instances/${id(instanceId)}/entries`);
    return {
      ...page,
      items: page.items.map(({ note, ...e }) => ({
        ...e,
        from: toStateIds(e.from),
        to: toStateIds(e.to),
        ...(note ? { note } : {}),
      })),
    };
  },
  verifyInstance: (instanceId: string) =>
    request<VerifyResult>('POST', `/audit/instances/${id(instanceId)}/verify`),
  replay: (instanceId: string) =>
    request<{ ok: boolean; steps: ReplayStep[]; firstMismatch?: number }>(
      'POST',
      `/audit/instances/${id(instanceId)}/replay`,
    ),
  whatIf: async (instanceId: string, version: number): Promise<WhatIfResult> => {
    const result = await request<{ path: WhatIfStep[]; finalState?: unknown }>(
      'POST',
      `/audit/instances/${id(instanceId)}/what-if`,
      { version },
    );
    return { path: result.path, finalState: toStateIds(result.finalState) };
  },

  /** Admins only: deletes the subject's data key and audits the erasure (docs/api.md, Privacy). */
  eraseSubject: (subjectId: string, body: { reason: string; reference?: string }) =>
    request<{ subjectId: string; erased: boolean; instances: number; erasedAt: string; scrubbed: boolean }>(
      'POST',
      `/subjects/${id(subjectId)}/erasure`,
      body,
    ),

  approvalsInbox: () => request<{ items: ApprovalTask[] }>('GET', '/approvals/inbox?status=pending'),
  decide: (taskId: string, decision: 'approve' | 'reject', comment?: string) =>
    request<{ task: ApprovalTask }>('POST', `/approvals/${id(taskId)}/decide`, { decision, comment }),
  delegate: (taskId: string, to: string, comment?: string) =>
    request<{ task: ApprovalTask }>('POST', `/approvals/${id(taskId)}/delegate`, { to, comment }),

  listSandboxes: () => request<{ items: Sandbox[] }>('GET', '/sandboxes'),
  createSandbox: (name: string) => request<{ sandbox: Sandbox }>('POST', '/sandboxes', { name }),
  resetSandbox: (name: string) => request<{ sandbox: Sandbox }>('POST', `/sandboxes/${id(name)}/reset`),
  deleteSandbox: (name: string) => request<void>('DELETE', `/sandboxes/${id(name)}`),
  publishIntoSandbox: (name: string, workflowId: string, version?: number) =>
    request<{ version: SandboxPublication }>('POST', `/sandboxes/${id(name)}/publish`, {
      workflowId,
      ...(version === undefined ? {} : { version }),
    }),
  startSynthetic: (name: string, workflowId: string, count: number, seed: number) =>
    request<SyntheticResult>('POST', `/sandboxes/${id(name)}/synthetic`, { workflowId, count, seed }),
  sendSandboxEvent: (name: string, instanceId: string, type: string, actAs?: string) =>
    request<{ instance: Instance; auditSeq: number }>(
      'POST',
      `/sandboxes/${id(name)}/instances/${id(instanceId)}/events`,
      { type, ...(actAs ? { actAs } : {}) },
    ),
  advanceSandbox: (name: string, amount: number, unit: DurationUnit) =>
    request<{ sandbox: Sandbox; fired: number }>('POST', `/sandboxes/${id(name)}/clock`, { amount, unit }),
  sandboxInstances: (name: string) =>
    request<Page<InstanceSummary>>('GET', `/sandboxes/${id(name)}/instances?limit=200`),
  sandboxAudit: (name: string, instanceId?: string) =>
    request<Page<SandboxAuditEntry>>('GET', `/sandboxes/${id(name)}/audit${q({ instanceId, limit: 200 })}`),
  sandboxEffects: (name: string) =>
    request<Page<CapturedEffect>>('GET', `/sandboxes/${id(name)}/effects?limit=200`),

  getRouting: (workflowId: string) =>
    request<{ routing: Routing }>('GET', `/workflows/${id(workflowId)}/routing`),
  setRouting: (workflowId: string, routing: Routing) =>
    request<{ routing: Routing; previous: Routing }>('PUT', `/workflows/${id(workflowId)}/routing`, routing),
  promotePilot: (workflowId: string) =>
    request<{ routing: Routing; previous: Routing }>('POST', `/workflows/${id(workflowId)}/routing/promote`),
  rollBackPilot: (workflowId: string) =>
    request<{ routing: Routing; previous: Routing }>('POST', `/workflows/${id(workflowId)}/routing/rollback`),
  pilotComparison: (workflowId: string) =>
    request<PilotComparison>('GET', `/workflows/${id(workflowId)}/pilot-comparison`),
  migrationDryRun: (workflowId: string, body: MigrationRequest) =>
    request<{ items: MigrationItem[] }>('POST', `/workflows/${id(workflowId)}/migrations/dry-run`, body),
  applyMigration: (workflowId: string, body: MigrationRequest) =>
    request<{ items: MigrationItem[]; applied: number }>(
      'POST',
      `/workflows/${id(workflowId)}/migrations/apply`,
      body,
    ),

  listDeliveries: (
    filter: { outcome?: string; vendor?: string; externalRef?: string; cursor?: string } = {},
  ) => request<Page<WebhookDelivery>>('GET', `/webhook-deliveries${q({ ...filter, limit: 50 })}`),
  getDelivery: (deliveryId: string) =>
    request<{ delivery: WebhookDeliveryDetail }>('GET', `/webhook-deliveries/${id(deliveryId)}`),
  reprocessDelivery: (deliveryId: string) =>
    request<{ delivery: WebhookDeliveryDetail }>('POST', `/webhook-deliveries/${id(deliveryId)}/reprocess`),

  /** Live events (docs/api.md "Live stream"); returns a function that closes the stream. */
  stream: (onEvent: (type: string, data: unknown) => void, workflowId?: string): (() => void) => {
    const source = new EventSource(`/api/stream${q({ workflowId })}`, { withCredentials: true });
    for (const type of ['transition', 'approval', 'escalation', 'draft']) {
      source.addEventListener(type, (event) =>
        onEvent(type, JSON.parse((event as MessageEvent<string>).data)),
      );
    }
    return () => source.close();
  },
};

/** The raw request, for feature clients beside this one (`deliveryClient.ts`). */
export { request as apiRequest };
