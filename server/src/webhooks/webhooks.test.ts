import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import {
  ashbyStageChange,
  greenhouseStageChange,
  leverStageChange,
  type SignedRequest,
  standardDelivery,
} from './webhookFixtures.ts';

const STAGE = 'Hiring Manager Review';
const LEVER_STAGE = 'stage-hm-review';

interface Vendor {
  name: 'greenhouse' | 'lever' | 'ashby' | 'generic';
  /** A valid delivery moving `ref` to the mapped stage, signed with `secret` at `now`. */
  sign(secret: string, ref: string, now: number): SignedRequest;
  /** Replaces the signature (header, or body field for Lever) with `value`; undefined removes it. */
  withSignature(request: SignedRequest, edit: (signature: string) => string | undefined): SignedRequest;
  /** Whether the vendor signs a timestamp (so stale deliveries are refused). */
  timestamped: boolean;
  /** Whether the raw body is signed (Lever signs token + time only). */
  signsBody: boolean;
}

function headerSignature(header: string, prefix: string) {
  return (request: SignedRequest, edit: (signature: string) => string | undefined): SignedRequest => {
    const headers = { ...request.headers };
    const edited = edit((headers[header] ?? '').slice(prefix.length));
    if (edited === undefined) delete headers[header];
    else headers[header] = prefix + edited;
    return { body: request.body, headers };
  };
}

const VENDORS: Vendor[] = [
  {
    name: 'greenhouse',
    sign: (s, ref) => greenhouseStageChange(s, Number(ref), STAGE),
    withSignature: headerSignature('signature', 'sha256 '),
    timestamped: false,
    signsBody: true,
  },
  {
    name: 'ashby',
    sign: (s, ref) => ashbyStageChange(s, ref, STAGE),
    withSignature: headerSignature('ashby-signature', 'sha256='),
    timestamped: false,
    signsBody: true,
  },
  {
    name: 'generic',
    sign: (s, ref, now) => standardDelivery(s, ref, STAGE, now),
    withSignature: headerSignature('webhook-signature', 'v1,'),
    timestamped: true,
    signsBody: true,
  },
  {
    name: 'lever',
    sign: (s, ref, now) => leverStageChange(s, ref, LEVER_STAGE, now),
    withSignature(request, edit) {
      const body = JSON.parse(request.body) as Record<string, unknown>;
      const edited = edit(String(body.signature));
      if (edited === undefined) delete body.signature;
      else body.signature = edited;
      return { body: JSON.stringify(body), headers: request.headers };
    },
    timestamped: true,
    signsBody: false,
  },
];

let t: TestServer;
let recruiter: HttpClient;
let workflowId: string;
const secrets: Record<string, { old: string; current: string }> = {};

beforeAll(async () => {
  t = await startTestServer({ workers: false });
  const designer = await t.signIn(['designer'], ['emea']);
  recruiter = await t.signIn(['recruiter'], ['emea']);
  const fork = await designer.post<{ workflow: { id: string } }>(
    '/api/templates/requisition-approval/fork',
    {},
  );
  workflowId = fork.body.workflow.id;
  await designer.post(`/api/workflows/${workflowId}/publish`, { changelog: 'v1', baseRevision: 0 });
  const items = VENDORS.map((v) => ({
    vendor: v.name,
    vendorEvent:
      v.name === 'greenhouse'
        ? 'candidate_stage_change'
        : v.name === 'generic'
          ? 'candidate.stage_changed'
          : 'candidateStageChange',
    stage: v.name === 'lever' ? LEVER_STAGE : STAGE,
    workflowEvent: 'SUBMIT',
  }));
  expect((await designer.put(`/api/workflows/${workflowId}/mappings`, { items })).status).toBe(200);
  for (const v of VENDORS) {
    // Two active secrets: the old one must keep working during the rotation.
    const old = await t.admin.post<{ secret: string }>('/api/webhook-secrets', { vendor: v.name });
    const current = await t.admin.post<{ secret: string }>('/api/webhook-secrets', { vendor: v.name });
    secrets[v.name] = { old: old.body.secret, current: current.body.secret };
  }
});
afterAll(() => t.close());

async function startFor(ref: string): Promise<string> {
  const started = await recruiter.post<{ instance: { id: string } }>('/api/instances', {
    workflowId,
    subjectId: ref,
    context: { 'requisition.id': ref },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return started.body.instance.id;
}

async function stateOf(id: string): Promise<string> {
  return (
    await recruiter.get<{ instance: { state: string[] } }>(`/api/instances/${id}`)
  ).body.instance.state.join();
}

const deliver = (vendor: string, request: SignedRequest) =>
  t.anonymous().request('POST', `/api/webhooks/${vendor}`, request.body, request.headers);

describe.each(VENDORS)('$name webhook signatures', (vendor) => {
  it('refuses every bad signature with 401 and changes nothing; only valid ones move the instance', async () => {
    const ref = String(100000 + Math.floor(Math.random() * 800000));
    const id = await startFor(ref);
    const { old, current } = secrets[vendor.name] ?? { old: '', current: '' };
    const now = Date.now();
    const bad: [string, SignedRequest][] = [
      [
        'wrong secret',
        vendor.sign(
          vendor.name === 'generic'
            ? `whsec_${Buffer.from(randomUUID()).toString('base64')}`
            : 'not-the-secret',
          ref,
          now,
        ),
      ],
      ['truncated', vendor.withSignature(vendor.sign(current, ref, now), (s) => s.slice(0, -2))],
      ['other length', vendor.withSignature(vendor.sign(current, ref, now), (s) => `${s}ab`)],
      ['garbage', vendor.withSignature(vendor.sign(current, ref, now), () => 'zz%%')],
      ['missing', vendor.withSignature(vendor.sign(current, ref, now), () => undefined)],
    ];
    if (vendor.signsBody) {
      const valid = vendor.sign(current, ref, now);
      bad.push([
        're-serialized JSON',
        { body: JSON.stringify(JSON.parse(valid.body), null, 2), headers: valid.headers },
      ]);
    }
    if (vendor.timestamped) bad.push(['stale timestamp', vendor.sign(current, ref, now - 10 * 60_000)]);
    for (const [label, request] of bad) {
      const answer = await deliver(vendor.name, request);
      expect(answer.status, label).toBe(401);
      expect(answer.headers.get('content-type'), label).toContain('application/problem+json');
    }
    expect(await stateOf(id)).toBe('draft');

    const accepted = await deliver(vendor.name, vendor.sign(old, ref, Date.now()));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({
      outcome: 'applied',
      duplicate: false,
      results: [{ instanceId: id, outcome: 'applied' }],
    });
    expect(await stateOf(id)).toContain('headcount_approval');
  });

  it('applies the same delivery once, sent 20 times with 10 at once', async () => {
    const ref = String(100000 + Math.floor(Math.random() * 800000));
    const id = await startFor(ref);
    const request = vendor.sign(secrets[vendor.name]?.current ?? '', ref, Date.now());
    const first = await Promise.all(Array.from({ length: 10 }, () => deliver(vendor.name, request)));
    const rest = [];
    for (let i = 0; i < 10; i += 1) rest.push(await deliver(vendor.name, request));
    const answers = [...first, ...rest];
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => (a.body as { duplicate: boolean }).duplicate === false)).toHaveLength(1);
    const entries = await t.admin.get<{ items: { kind: string }[] }>(`/api/audit/instances/${id}/entries`);
    expect(entries.body.items.map((e) => e.kind)).toEqual(['start', 'transition']);
    if (!vendor.signsBody) {
      // Lever signs only token + time: a re-serialized (or altered) body with a used signature is a repeat.
      const replayed = await deliver(vendor.name, {
        body: JSON.stringify(JSON.parse(request.body), null, 2),
        headers: request.headers,
      });
      expect(replayed.body).toMatchObject({ duplicate: true });
    }
  });
});
