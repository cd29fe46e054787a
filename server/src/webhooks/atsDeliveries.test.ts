import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpAnswer, HttpClient } from '../testing/httpClient.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import {
  ashbyStageChange,
  greenhouseNewApplication,
  greenhouseStageChange,
  leverStageChange,
  type SignedRequest,
  signGreenhouse,
  standardDelivery,
} from './webhookFixtures.ts';

/**
 * ATS deliveries that start and find work, over HTTP against the real server with real HMAC
 * signatures: start mappings with context from the payload, signed-body dedupe, the delivery log,
 * re-processing, `?externalRef=` lookup, and what bad deliveries leave behind (a log row only).
 */
const LIMIT = 64 * 1024;

interface Answer {
  delivery: string;
  outcome: string;
  duplicate: boolean;
  reason: string | null;
  results: { workflowId: string; instanceId: string | null; outcome: string; reason?: string }[];
}
interface Delivery {
  id: string;
  outcome: string;
  duplicateOf: string | null;
  externalRef: string | null;
  vendorDeliveryId: string | null;
  attempts: number;
  bodyKept: boolean;
  history: { actor: string; outcome: string }[];
  results: Answer['results'];
}

let t: TestServer;
let designer: HttpClient;
let recruiter: HttpClient;
let outsider: HttpClient;
let workflowId: string;
let greenhouseSecret: string;
let ashbySecret: string;
let nextApplication = 4_000_000 + Math.floor(Math.random() * 1000) * 1000;
const newApplicationId = () => {
  nextApplication += 1;
  return nextApplication;
};

const deliver = (vendor: string, request: SignedRequest): Promise<HttpAnswer<Answer>> =>
  t.anonymous().request<Answer>('POST', `/api/webhooks/${vendor}`, request.body, request.headers);
const deliveryOf = async (id: string) =>
  (await designer.get<{ delivery: Delivery }>(`/api/webhook-deliveries/${id}`)).body.delivery;
const countRows = (table: string) =>
  (t.server.db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/** The start mapping of `new_candidate_application`, as a designer would write it. */
const START_ON_APPLICATION = {
  vendor: 'greenhouse',
  vendorEvent: 'new_candidate_application',
  startIfMissing: true,
  context: [
    { field: 'requisition.id', path: 'payload.application.jobs[0].requisition_id' },
    { field: 'department', path: '$.payload.application.jobs[0].departments[0].name' },
    { field: 'candidate.firstName', path: 'payload.application.candidate.first_name' },
  ],
};
const ADVANCE_ON_SCREEN = {
  vendor: 'greenhouse',
  vendorEvent: 'candidate_stage_change',
  stage: 'Recruiter Screen',
  workflowEvent: 'ADVANCE',
};

beforeAll(async () => {
  t = await startTestServer({ workers: false, webhookBodyLimitBytes: LIMIT });
  designer = await t.signIn(['designer'], ['emea']);
  recruiter = await t.signIn(['recruiter'], ['emea']);
  outsider = await t.signIn(['recruiter'], ['apac']);
  const fork = await designer.post<{ workflow: { id: string }; draft: { spec: Record<string, unknown> } }>(
    '/api/templates/standard-hiring/fork',
    { businessUnit: 'emea' },
  );
  workflowId = fork.body.workflow.id;
  const spec = fork.body.draft.spec as { context: Record<string, unknown> };
  // A personal-data field: the only place a start mapping may copy the candidate's name into.
  spec.context['candidate.firstName'] = { type: 'string', pii: true, description: 'First name' };
  const saved = await designer.put(`/api/workflows/${workflowId}/draft`, { spec, baseRevision: 0 });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const published = await designer.post(`/api/workflows/${workflowId}/publish`, {
    changelog: 'v1',
    baseRevision: 1,
  });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  greenhouseSecret = (
    await t.admin.post<{ secret: string }>('/api/webhook-secrets', { vendor: 'greenhouse' })
  ).body.secret;
  ashbySecret = (await t.admin.post<{ secret: string }>('/api/webhook-secrets', { vendor: 'ashby' })).body
    .secret;
  const mapped = await designer.put(`/api/workflows/${workflowId}/mappings`, {
    items: [START_ON_APPLICATION, ADVANCE_ON_SCREEN],
  });
  expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);
}, 60_000);
afterAll(() => t.close());

describe('start mappings', () => {
  it('refuses a mapping naming an unknown field, a bad path, or personal data into a non-pii field, with field paths', async () => {
    const answer = await designer.put<{ errors: { path: string; message: string }[] }>(
      `/api/workflows/${workflowId}/mappings`,
      {
        items: [
          {
            ...START_ON_APPLICATION,
            context: [
              { field: 'no.such.field', path: 'payload.application.id' },
              { field: 'jobFamily', path: 'payload..application' },
              { field: 'department', path: 'payload.application.candidate.email_addresses[0].value' },
            ],
          },
          { vendor: 'greenhouse', vendorEvent: 'hire_candidate' },
        ],
      },
    );
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((e) => e.path)).toEqual([
      'items[0].context[0].field',
      'items[0].context[1].path',
      'items[0].context[2].field',
      'items[1].workflowEvent',
    ]);
    expect(answer.body.errors[2]?.message).toContain('pii');
    // Nothing was replaced.
    const kept = await designer.get<{ items: unknown[] }>(`/api/workflows/${workflowId}/mappings`);
    expect(kept.body.items).toHaveLength(2);
  });

  it('starts an instance from "application created" with mapped context; the name goes only to the erasable subject record', async () => {
    const applicationId = newApplicationId();
    const answer = await deliver('greenhouse', greenhouseNewApplication(greenhouseSecret, applicationId));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ outcome: 'started', duplicate: false });
    const instanceId = answer.body.results[0]?.instanceId as string;

    const found = await recruiter.get<{ items: { id: string; workflowId: string }[] }>(
      `/api/instances?externalRef=${applicationId}`,
    );
    expect(found.body.items.map((i) => i.id)).toEqual([instanceId]);
    const instance = await recruiter.get<{ instance: { context: Record<string, unknown>; state: string[] } }>(
      `/api/instances/${instanceId}`,
    );
    expect(instance.body.instance.state).toEqual(['applied']);
    expect(instance.body.instance.context).toMatchObject({
      requisition: { id: 'REQ-1' },
      department: 'Engineering',
    });
    expect(JSON.stringify(instance.body.instance)).not.toContain('Jane');
    const audit = await t.admin.get(`/api/audit/instances/${instanceId}/entries`);
    expect(JSON.stringify(audit.body)).not.toContain('Jane');
    const subject = t.server.db.sqlite
      .prepare('select s.pii from subjects s join instances i on i.subject_id = s.id where i.id = ?')
      .get(instanceId) as { pii: string };
    expect(JSON.parse(subject.pii)).toEqual({
      'candidate.firstName': 'Jane',
      externalRef: String(applicationId),
    });

    // A later stage change finds the instance by its ATS reference and moves it.
    const moved = await deliver(
      'greenhouse',
      greenhouseStageChange(greenhouseSecret, applicationId, 'Recruiter Screen'),
    );
    expect(moved.body).toMatchObject({ outcome: 'applied', results: [{ instanceId, outcome: 'applied' }] });
  });

  it('treats a captured signed body re-sent with a new or no Greenhouse-Event-ID as a duplicate', async () => {
    const applicationId = newApplicationId();
    const first = greenhouseNewApplication(greenhouseSecret, applicationId);
    const original = await deliver('greenhouse', first);
    expect(original.body.outcome).toBe('started');
    const withNewId = signGreenhouse(greenhouseSecret, first.body);
    const withoutId = { body: first.body, headers: { ...first.headers } };
    delete withoutId.headers['greenhouse-event-id'];
    for (const replay of [first, withNewId, withoutId]) {
      const answer = await deliver('greenhouse', replay);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ outcome: 'duplicate', duplicate: true, results: [] });
      expect((await deliveryOf(answer.body.delivery)).duplicateOf).toBe(original.body.delivery);
    }
    const found = await recruiter.get<{ items: unknown[] }>(`/api/instances?externalRef=${applicationId}`);
    expect(found.body.items).toHaveLength(1);
  });

  it('answers an ATS reference lookup only with instances of units the caller may see', async () => {
    const applicationId = newApplicationId();
    await deliver('greenhouse', greenhouseNewApplication(greenhouseSecret, applicationId));
    const own = await recruiter.get<{ items: unknown[] }>(`/api/instances?externalRef=${applicationId}`);
    const other = await outsider.get<{ items: unknown[] }>(`/api/instances?externalRef=${applicationId}`);
    expect([own.status, own.body.items.length, other.status, other.body.items.length]).toEqual([
      200, 1, 200, 0,
    ]);
  });
});

describe('start mappings of every vendor', () => {
  it('starts instances from Lever, Ashby and Standard Webhooks deliveries, found by their ATS reference', async () => {
    const fork = await designer.post<{ workflow: { id: string } }>('/api/templates/standard-hiring/fork', {
      businessUnit: 'emea',
    });
    const id = fork.body.workflow.id;
    await designer.post(`/api/workflows/${id}/publish`, { changelog: 'v1', baseRevision: 0 });
    const start = { startIfMissing: true, stage: null };
    const mapped = await designer.put(`/api/workflows/${id}/mappings`, {
      items: [
        { ...start, vendor: 'lever', vendorEvent: 'candidateStageChange' },
        {
          ...start,
          vendor: 'ashby',
          vendorEvent: 'candidateStageChange',
          context: [{ field: 'jobFamily', path: 'data.application.job.title' }],
        },
        { ...start, vendor: 'generic', vendorEvent: 'candidate.stage_changed' },
      ],
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);
    const secret = async (vendor: string) =>
      (await t.admin.post<{ secret: string }>('/api/webhook-secrets', { vendor })).body.secret;
    const now = Date.now();
    const cases: [string, string, SignedRequest][] = [
      ['lever', 'opp-7f3a', leverStageChange(await secret('lever'), 'opp-7f3a', 'stage-phone', now)],
      ['ashby', 'ash-51c2', ashbyStageChange(ashbySecret, 'ash-51c2', 'Phone Screen')],
      ['generic', 'ext-9001', standardDelivery(await secret('generic'), 'ext-9001', 'screen', now)],
    ];
    for (const [vendor, ref, request] of cases) {
      const answer = await deliver(vendor, request);
      expect(answer.body, vendor).toMatchObject({ outcome: 'started' });
      const found = await recruiter.get<{ items: { workflowId: string }[] }>(
        `/api/instances?externalRef=${ref}`,
      );
      expect(
        found.body.items.map((i) => i.workflowId),
        vendor,
      ).toEqual([id]);
    }
  });
});

describe('the delivery log', () => {
  it('records an unknown application with no start mapping as no_instance (202), visible in the log, and re-processing after adding a mapping starts it once', async () => {
    const applicationId = newApplicationId();
    const answer = await deliver(
      'greenhouse',
      greenhouseStageChange(greenhouseSecret, applicationId, 'Recruiter Screen'),
    );
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ outcome: 'no_instance', results: [{ outcome: 'no_instance' }] });
    const listed = await designer.get<{ items: { id: string; externalRef: string }[] }>(
      `/api/webhook-deliveries?outcome=no_instance&externalRef=${applicationId}`,
    );
    expect(listed.body.items.map((d) => d.id)).toEqual([answer.body.delivery]);
    expect(await deliveryOf(answer.body.delivery)).toMatchObject({ bodyKept: true, attempts: 1 });

    // Only admins re-process.
    const byDesigner = await designer.post(`/api/webhook-deliveries/${answer.body.delivery}/reprocess`);
    expect(byDesigner.status).toBe(403);

    await designer.put(`/api/workflows/${workflowId}/mappings`, {
      items: [
        START_ON_APPLICATION,
        { ...ADVANCE_ON_SCREEN, startIfMissing: true, context: START_ON_APPLICATION.context.slice(0, 2) },
      ],
    });
    const again = await t.admin.post<{ answer: Answer; delivery: Delivery }>(
      `/api/webhook-deliveries/${answer.body.delivery}/reprocess`,
    );
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.answer).toMatchObject({ outcome: 'started', results: [{ outcome: 'started' }] });
    expect(again.body.delivery).toMatchObject({ outcome: 'started', attempts: 2, bodyKept: false });
    expect(again.body.delivery.history.map((h) => h.outcome)).toEqual(['no_instance', 'started']);
    // Applied: the body is gone, so a second re-processing has nothing to do and starts nothing.
    const twice = await t.admin.post(`/api/webhook-deliveries/${answer.body.delivery}/reprocess`);
    expect(twice.status).toBe(409);
    const found = await recruiter.get<{ items: unknown[] }>(`/api/instances?externalRef=${applicationId}`);
    expect(found.body.items).toHaveLength(1);
    await designer.put(`/api/workflows/${workflowId}/mappings`, {
      items: [START_ON_APPLICATION, ADVANCE_ON_SCREEN],
    });
  });

  it('records a delivery no workflow maps as no_mapping (202), never a silent 200', async () => {
    const unmapped = JSON.stringify({
      action: 'offer_deleted',
      payload: { offer: { id: 5, application_id: 77 } },
    });
    const answer = await deliver('greenhouse', signGreenhouse(greenhouseSecret, unmapped));
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ outcome: 'no_mapping', results: [] });
    expect(await deliveryOf(answer.body.delivery)).toMatchObject({ outcome: 'no_mapping', bodyKept: true });
  });

  it('pages the log with a cursor and filters by vendor and outcome', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/webhook-deliveries?vendor=greenhouse&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await designer.get<{ items: { id: string; vendor: string }[]; nextCursor: string | null }>(
        query,
      );
      expect(page.body.items.every((d) => d.vendor === 'greenhouse')).toBe(true);
      seen.push(...page.body.items.map((d) => d.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(4);
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await designer.get<{ errors: { path: string }[] }>('/api/webhook-deliveries?outcome=sent');
    expect([bad.status, bad.body.errors[0]?.path]).toEqual([422, 'outcome']);
  });
});

describe('bad deliveries leave only a log row', () => {
  const sizes = () => [
    countRows('instances'),
    countRows('server_webhook_bodies'),
    countRows('audit_entries'),
  ];

  it.each([
    [
      'oversized',
      413,
      () => signGreenhouse(greenhouseSecret, JSON.stringify({ action: 'x', pad: 'a'.repeat(LIMIT) })),
    ],
    ['malformed', 400, () => signGreenhouse(greenhouseSecret, '{"action": "new_candidate_application",')],
    ['malformed', 422, () => signGreenhouse(greenhouseSecret, JSON.stringify({ payload: {} }))],
    [
      'invalid_signature',
      401,
      () => signGreenhouse('not-the-secret', greenhouseNewApplication(greenhouseSecret, 1).body),
    ],
  ] as const)('%s → %i', async (outcome, status, make) => {
    const before = sizes();
    const answer = await deliver('greenhouse', make());
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(sizes()).toEqual(before);
    const latest = await t.admin.get<{ items: { outcome: string; bodyBytes: number }[] }>(
      '/api/webhook-deliveries?limit=1',
    );
    expect(latest.body.items[0]?.outcome).toBe(outcome);
    if (outcome === 'oversized') expect(latest.body.items[0]?.bodyBytes).toBeGreaterThan(LIMIT);
  });

  it('refuses an oversized chunked body (no Content-Length) the same way', async () => {
    const before = countRows('server_webhook_deliveries');
    const chunks = [Buffer.alloc(LIMIT / 2, 'a'), Buffer.alloc(LIMIT, 'b')];
    const answer = await fetch(`${t.server.url}/api/webhooks/greenhouse`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(answer.status).toBe(413);
    expect(countRows('server_webhook_deliveries')).toBe(before + 1);
  });
});
