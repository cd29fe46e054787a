import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness } from '../../test/engineHarness.ts';
import { latestAuditSeq, verifyInstance } from './verify.ts';

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
  h.engine.send(r.instanceId, { type: 'ADVANCE' }, { actor: actors.recruiter });
  h.engine.send(r.instanceId, { type: 'ADVANCE' }, { actor: actors.recruiter });
  return r.instanceId;
};

describe('verifyInstance', () => {
  it("checks one candidate's chain and names its first bad entry, leaving other chains alone", () => {
    const a = start();
    const b = start();
    expect(verifyInstance(h.db, a)).toMatchObject({ ok: true, entriesChecked: 3 });
    expect(latestAuditSeq(h.db)).toBe(6);
    h.db.sqlite.exec('DROP TRIGGER audit_log_no_update');
    h.db.sqlite
      .prepare(
        `UPDATE audit_log SET body = replace(body, '"note":null', '"note":"rewritten"') WHERE instance_id = ? AND idx = 1`,
      )
      .run(a);
    expect(verifyInstance(h.db, a)).toMatchObject({ ok: false, firstBad: { idx: 1, code: 'HASH_MISMATCH' } });
    expect(verifyInstance(h.db, b).ok).toBe(true);
  });

  it('catches a truncated tail: the snapshot is no longer the one the last entry commits to', () => {
    const a = start();
    h.db.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    h.db.sqlite.prepare('DELETE FROM audit_log WHERE instance_id = ? AND idx = 2').run(a);
    expect(verifyInstance(h.db, a)).toMatchObject({
      ok: false,
      firstBad: { code: 'SNAPSHOT_MISMATCH', idx: 1 },
    });
  });
});
