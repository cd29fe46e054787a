import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { leafHash, verifyConsistency, verifyInclusion } from '@hireflow/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testing/httpClient.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

const VERIFIER = fileURLToPath(new URL('../../../runtime/bin/verify-audit-export.mjs', import.meta.url));

let t: TestServer;
let auditor: HttpClient;
let instanceId: string;
beforeAll(async () => {
  t = await startTestServer({ workers: false });
  const designer = await t.signIn(['designer'], ['emea']);
  const fork = await designer.post<{ workflow: { id: string } }>(
    '/api/templates/requisition-approval/fork',
    {},
  );
  const workflowId = fork.body.workflow.id;
  await designer.post(`/api/workflows/${workflowId}/publish`, { changelog: 'v1', baseRevision: 0 });
  const recruiter = await t.signIn(['recruiter'], ['emea']);
  for (let i = 0; i < 3; i++) {
    const started = await recruiter.post<{ instance: { id: string } }>('/api/instances', {
      workflowId,
      subjectId: `REQ-${i}`,
      context: { 'requisition.id': `REQ-${i}`, jobFamily: 'Engineering', department: 'Platform', level: 3 },
    });
    instanceId = started.body.instance.id;
    await recruiter.post(`/api/instances/${instanceId}/events`, { type: 'SUBMIT', note: 'ready \u{1F600}' });
  }
  auditor = await t.signIn(['auditor'], ['emea']);
});
afterAll(() => t.close());

function offlineVerify(bundle: string, key: string): number {
  const path = join(tmpdir(), `hireflow-bundle-${process.pid}-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(path, bundle);
  try {
    execFileSync(process.execPath, [VERIFIER, path, '--key', key], { encoding: 'utf8' });
    return 0;
  } catch (error) {
    return (error as { status: number }).status;
  } finally {
    rmSync(path, { force: true });
  }
}

describe('audit anchoring over HTTP', () => {
  it('exports a bundle with a fresh signed head that the offline verifier accepts, and not without its last entry', async () => {
    const exported = await auditor.get<string>(`/api/audit/instances/${instanceId}/export`);
    expect(exported.status).toBe(200);
    const lines = String(exported.body).trim().split('\n');
    const header = JSON.parse(lines[0] as string);
    expect(header).toMatchObject({ type: 'hireflow-audit-export', scope: 'instance', head: { treeSize: 6 } });
    const latest = await auditor.get<{ publicKey: string; treeSize: number }>('/api/audit/tree-heads/latest');
    expect(latest.body.treeSize).toBe(6);
    expect(offlineVerify(`${lines.join('\n')}\n`, latest.body.publicKey)).toBe(0);
    const withoutLast = lines.filter((line) => !line.includes('"chainHead"')).slice(0, -1);
    withoutLast.push(lines.at(-1) as string);
    expect(offlineVerify(`${withoutLast.join('\n')}\n`, latest.body.publicKey)).toBe(1);
    const bulk = await auditor.get<string>('/api/audit/export');
    expect(offlineVerify(String(bulk.body), latest.body.publicKey)).toBe(0);
  });

  it('serves inclusion and consistency proofs that verify (RFC 9162)', async () => {
    const entries = await auditor.get<{ items: { seq: number; hash: string }[] }>(
      `/api/audit/instances/${instanceId}/entries`,
    );
    const first = entries.body.items[0] as { seq: number; hash: string };
    const proof = await auditor.get<{
      leafIndex: number;
      treeSize: number;
      rootHash: string;
      path: string[];
    }>(`/api/audit/proofs/inclusion?seq=${first.seq}`);
    expect(proof.status).toBe(200);
    const hex = (h: string) => Buffer.from(h, 'hex');
    expect(
      verifyInclusion(
        hex(first.hash),
        proof.body.leafIndex,
        proof.body.treeSize,
        proof.body.path.map(hex),
        hex(proof.body.rootHash),
      ),
    ).toBe(true);
    const consistency = await auditor.get<{ fromRoot: string; toRoot: string; path: string[] }>(
      '/api/audit/proofs/consistency?from=3&to=6',
    );
    expect(
      verifyConsistency(
        3,
        6,
        hex(consistency.body.fromRoot),
        hex(consistency.body.toRoot),
        consistency.body.path.map(hex),
      ),
    ).toBe(true);
    expect(leafHash('').length).toBe(32);
    expect((await auditor.get('/api/audit/proofs/inclusion?seq=99')).status).toBe(404);
    expect((await auditor.get('/api/audit/proofs/inclusion?seq=x')).status).toBe(422);
  });

  it('verify reports anchored entries apart from the unanchored tail', async () => {
    const verified = await t.admin.post<{
      ok: boolean;
      anchored: { treeSize: number; keyTrusted: boolean };
      tail: { count: number };
    }>('/api/audit/verify');
    expect(verified.body).toMatchObject({
      ok: true,
      anchored: { treeSize: 6, keyTrusted: true },
      tail: { count: 0 },
    });
  });

  it('replay applies and validates `until`', async () => {
    const path = `/api/audit/instances/${instanceId}/replay`;
    expect((await auditor.post(path, '{"until":', {})).status).toBe(400);
    const bad = await auditor.post<{ errors: { path: string }[] }>(path, { until: 'yesterday' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]?.path).toBe('until');
    const full = await auditor.post<{ ok: boolean; steps: number }>(path, {});
    expect(full.body).toMatchObject({ ok: true, steps: 2 });
    const early = await auditor.post<{ steps: number }>(path, { until: '2000-01-01T00:00:00Z' });
    expect(early.body.steps).toBe(0);
    const noBody = await auditor.request<{ ok: boolean }>('POST', path);
    expect(noBody.status).toBe(200);
  });
});
