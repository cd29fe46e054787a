import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness } from '../../test/engineHarness.ts';
import { listAuditEntries, verify } from '../audit/index.ts';
import { openDatabase } from '../store/index.ts';
import { createGroupCommitter } from './groupCommit.ts';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const start = () => {
  const r = h.engine.start({
    workflowId: 'sample-hiring',
    businessUnit: 'engineering',
    subject: { kind: 'candidate' },
    context: {},
    actor: actors.recruiter,
  });
  if (!r.ok) throw new Error(r.message);
  return r.instanceId;
};

describe('group commit', () => {
  it('commits many queued events in one transaction and acknowledges each after the commit', async () => {
    const ids = Array.from({ length: 20 }, start);
    const committer = createGroupCommitter(h.engine, { maxDelayMs: 2 });
    const sends = ids.flatMap((id) => [
      committer.send(
        id,
        { type: 'UPDATE_CONTEXT', payload: { patch: { level: 3 } } },
        { actor: actors.recruiter },
      ),
      committer.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter }),
      committer.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter }),
    ]);
    expect(committer.queued).toBe(60);
    const results = await Promise.all(sends);
    expect(results.every((r) => r.ok)).toBe(true);
    const other = openDatabase(h.file);
    try {
      const row = other.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number };
      expect(row.n).toBe(20 + 60);
    } finally {
      other.close();
    }
    expect(verify(h.db).ok).toBe(true);
  });

  it('keeps per-event semantics: a refused event does not disturb the others in its batch', async () => {
    const id = start();
    const committer = createGroupCommitter(h.engine);
    const [refused, moved, again] = await Promise.all([
      committer.send(id, { type: 'ACCEPT' }, { actor: actors.recruiter }),
      committer.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter, idempotencyKey: 'a' }),
      committer.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter, idempotencyKey: 'a' }),
    ]);
    expect(refused).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED' });
    expect(moved).toMatchObject({ ok: true, to: ['interviews'] });
    expect(again).toMatchObject({ ok: true, replayed: true });
    expect(listAuditEntries(h.db, id).map((e) => e.kind)).toEqual(['start', 'refused', 'transition']);
  });
});
