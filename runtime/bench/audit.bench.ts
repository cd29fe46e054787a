import { generateKeyPairSync, hash, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RawAuditRow, ROW_COLUMNS } from '../src/audit/chainCheck.ts';
import { entryText } from '../src/audit/entryText.ts';
import { createAuditAnchor, loadAuditKey, textHash, verify } from '../src/audit/index.ts';
import { seedAuditLog } from '../src/audit/testLog.ts';
import { createEngine, type EngineActor, ManualClock } from '../src/engine/index.ts';
import { createWorkflow, openTempDatabase } from '../src/store/index.ts';
import { type BenchResult, relativeResult } from './benchResult.ts';

function throughput(ms: number, fn: () => number): number {
  const start = performance.now();
  let ops = 0;
  while (performance.now() - start < ms) ops += fn();
  return (ops * 1000) / (performance.now() - start);
}

const SPEC = JSON.parse(readFileSync(new URL('../samples/hiring.workflow.json', import.meta.url), 'utf8'));
const ACTOR: EngineActor = { id: 'bench', role: 'recruiter', via: 'api', businessUnits: '*' };

/**
 * Audit figures of issue 11: verify() against a bare sha256 loop over the very bytes verify hashes
 * (0x00 ‖ entry text, 50,000 entries, 200 instances, one signed head over all); the cost of one
 * signed tree head against a bare Ed25519 signature; and a step with the snapshot/definition
 * commitments against the same step minus the commitment work (read + hash of the stored snapshot).
 */
export async function benchAudit(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hireflow-audit-bench-'));
  const temp = openTempDatabase();
  try {
    const { db } = temp;
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const key = loadAuditKey({ envValue: pem, dataDir: dir, generate: false });
    if (!key) throw new Error('no key');
    seedAuditLog(db, 200, 250);
    const anchor = createAuditAnchor({ db, key, witnessDir: join(dir, 'witness'), now: () => Date.now() });
    anchor.writeHead();

    const inputs = (
      db.sqlite.prepare(`select ${ROW_COLUMNS} from audit_log order by seq`).raw().all() as RawAuditRow[]
    ).map(
      ([seq, instanceId, idx, workflowId, versionId, at, body, definitionHash, snapshotHash, prevHash]) =>
        `\u0000${entryText({ seq, instanceId, idx, workflowId, versionId, at, body, definitionHash, snapshotHash, prevHash })}`,
    );
    const sha256Loop = throughput(1500, () => {
      for (const input of inputs) hash('sha256', input, 'hex');
      return inputs.length;
    });
    const verifyRate = throughput(3000, () => {
      const result = verify(db, { publicKey: key.publicKey, witnessDir: join(dir, 'witness') });
      if (!result.ok || result.tail.count !== 0)
        throw new Error(`bench log failed verification: ${result.firstBad?.reason}`);
      return result.entriesChecked;
    });

    const message = Buffer.from('{"headsRoot":"x","treeSize":1}');
    const bareSign = throughput(1000, () => {
      sign(null, message, key.privateKey);
      return 1;
    });
    const heads = throughput(1500, () => {
      anchor.writeHead({ force: true });
      return 1;
    });

    const clock = new ManualClock('2026-03-02T15:00:00Z');
    const engine = createEngine({ db, clock });
    createWorkflow(db, {
      id: SPEC.id,
      name: SPEC.name,
      businessUnit: 'engineering',
      draftSpec: SPEC,
      now: 0,
    });
    engine.publish({ workflowId: SPEC.id, actor: { ...ACTOR, role: 'admin' }, changelog: 'bench' });
    const ids: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < 200; i++) {
        const r = engine.start({
          workflowId: SPEC.id,
          businessUnit: 'engineering',
          subject: { kind: 'candidate' },
          context: { candidate: { source: 'inbound' } },
          actor: ACTOR,
        });
        if (!r.ok) throw new Error(r.message);
        ids.push(r.instanceId);
      }
    });
    // Steps in one transaction per 100: the CPU cost of a step, not fsync, so the overhead shows.
    let n = 0;
    const steps = throughput(3000, () => {
      db.transaction(() => {
        for (let i = 0; i < 100; i++, n++) {
          const r = engine.send(
            ids[n % ids.length] as string,
            { type: 'UPDATE_CONTEXT', payload: { patch: { level: n } } },
            { actor: ACTOR },
          );
          if (!r.ok) throw new Error(r.message);
        }
      });
      return 100;
    });
    const snapshotOf = db.sqlite.prepare<[string], { snapshot: string }>(
      'select snapshot from instances where id = ?',
    );
    let m = 0;
    const commitments = throughput(1500, () => {
      for (let i = 0; i < 100; i++, m++)
        textHash((snapshotOf.get(ids[m % ids.length] as string) as { snapshot: string }).snapshot);
      return 100;
    });
    const withoutCommitments = 1 / (1 / steps - 1 / commitments);

    return [
      relativeResult(
        'verify() (chains + Merkle + signed head) vs sha256 loop over the same bytes',
        verifyRate,
        'entries/s',
        sha256Loop,
        '>= 0.5x',
        verifyRate >= 0.5 * sha256Loop,
      ),
      relativeResult(
        'signed tree head written (sign + witness + db, 200 chains) vs bare Ed25519 sign',
        heads,
        'heads/s',
        bareSign,
      ),
      relativeResult(
        'engine step with snapshot/definition commitments vs the same step without them',
        steps,
        'steps/s',
        withoutCommitments,
        '>= 0.9x (<= 10% overhead)',
        steps >= 0.9 * withoutCommitments,
      ),
    ];
  } finally {
    temp.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
