import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness, SAMPLE_SPEC } from '../../test/engineHarness.ts';
import { listAuditEntries, verify } from '../audit/index.ts';
import { eraseSubjectData } from '../engine/erasure.ts';
import { readInstance } from '../engine/instanceView.ts';
import { replay } from '../engine/replay.ts';
import { getInstance } from '../store/index.ts';
import { openVault } from './subjectVault.ts';

/** The sample spec with the guard-relevant `candidate.source` and a free-text field marked personal. */
const PII_SPEC = (() => {
  const spec = structuredClone(SAMPLE_SPEC) as { context: Record<string, Record<string, unknown>> };
  spec.context['candidate.source'] = { ...spec.context['candidate.source'], pii: true };
  spec.context['candidate.email'] = { type: 'string', pii: true };
  return spec;
})();

let h: Harness;
beforeEach(() => {
  h = createHarness(PII_SPEC);
});
afterEach(() => h.close());

const EMAIL = 'ada.lovelace@example.com';
const start = () => {
  const result = h.engine.start({
    workflowId: 'sample-hiring',
    businessUnit: 'engineering',
    subject: { kind: 'candidate', externalRef: 'ATS-1' },
    context: { candidate: { source: 'referral', email: EMAIL }, level: 5 },
    actor: actors.recruiter,
  });
  if (!result.ok) throw new Error(result.message);
  return result.instanceId;
};

describe('sealing personal data under the subject key', () => {
  it('seals deterministically, opens with the key, and nothing opens once the key is gone', () => {
    const id = start();
    const row = getInstance(h.db, id);
    const vault = openVault(h.db, row?.subjectId ?? '');
    const sealed = vault.seal({ a: 1 });
    expect(vault.seal({ a: 1 })).toEqual(sealed);
    expect(vault.open(sealed.$pii)).toEqual({ value: { a: 1 } });
    expect(vault.openNote(vault.sealNote('hello'))).toBe('hello');
    eraseSubjectData(h.db, h.clock, row?.subjectId ?? '', actors.admin);
    const gone = openVault(h.db, row?.subjectId ?? '', { create: { now: 0 } });
    expect(gone.available).toBe(false);
    expect(gone.open(sealed.$pii)).toBeUndefined();
    expect(gone.seal('late')).toEqual({ $pii: 'erased' });
  });

  it('keeps pii out of entries and snapshots while guards over pii still decide, then replays after erasure', () => {
    const id = start();
    // The fast-track guard of the start reads the (sealed) pii field `candidate.source`.
    expect(listAuditEntries(h.db, id)[0]?.to).toBe('interviews');
    expect(
      h.engine.send(id, { type: 'ADVANCE' }, { actor: actors.recruiter, note: `call ${EMAIL}` }),
    ).toMatchObject({ ok: true, to: ['offer_approval:hiring_manager'] });
    const stored = JSON.stringify([listAuditEntries(h.db, id), getInstance(h.db, id)?.snapshot]);
    expect(stored).not.toContain(EMAIL);
    expect(stored).not.toContain('"referral"');
    expect(readInstance(h.db, id, actors.recruiter, 0, 'reveal')?.context).toMatchObject({
      candidate: { email: EMAIL, source: 'referral' },
    });
    expect(readInstance(h.db, id, actors.recruiter, 0)).toMatchObject({
      masked: true,
      context: { candidate: { email: '•••' } },
    });
    expect(replay(h.db, id)).toMatchObject({ ok: true, steps: 2 });
    expect(replay(h.db, id)?.erased).toBeUndefined();

    const subjectId = getInstance(h.db, id)?.subjectId ?? '';
    expect(
      eraseSubjectData(h.db, h.clock, subjectId, actors.admin, { reason: 'other', reference: 'DSR-1' }),
    ).toEqual({
      erased: true,
      instances: 1,
    });
    expect(verify(h.db).ok).toBe(true);
    // The guard over the erased field can no longer be re-checked: replay follows the recorded state.
    const after = replay(h.db, id, { personal: 'reveal' });
    expect(after).toMatchObject({ ok: true, steps: 2, erased: [{ idx: 0, field: 'to' }] });
    expect(JSON.stringify(after)).not.toContain(EMAIL);
    expect(readInstance(h.db, id, actors.recruiter, 0, 'reveal')).toMatchObject({
      erased: true,
      context: { candidate: { email: '[erased]' } },
    });
    expect(() =>
      eraseSubjectData(h.db, h.clock, subjectId, actors.admin, {
        reason: 'other',
        reference: 'Ada Lovelace',
      }),
    ).toThrow(/reference/);
  });
});
