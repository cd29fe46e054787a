import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../store/index.ts';
import { testAuditKey } from './anchoredTestLog.ts';
import { createAuditAnchor } from './auditAnchor.ts';
import { AUDIT_KEY_FILE, loadAuditKey } from './auditKey.ts';
import { seedAuditLog } from './testLog.ts';
import { verifyTreeHeadSignature } from './treeHead.ts';
import { verify } from './verify.ts';
import { readWitnessHeads } from './witness.ts';

let temp: TempDatabase;
let dir: string;
afterEach(() => {
  temp.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('createAuditAnchor', () => {
  it('signs heads only when the log grew, publishes them to the witness, and a restart continues the tree', () => {
    temp = openTempDatabase();
    dir = mkdtempSync(join(tmpdir(), 'hireflow-anchor-'));
    const key = testAuditKey(dir);
    const witnessDir = join(dir, 'witness');
    seedAuditLog(temp.db, 3, 2);
    const anchor = createAuditAnchor({ db: temp.db, key, witnessDir, now: () => 1000 });
    const first = anchor.writeHead();
    expect(first).toMatchObject({ treeSize: 6, headsSize: 3, timestamp: 1000 });
    expect(anchor.writeHead()).toBeUndefined();
    expect(verifyTreeHeadSignature(first as NonNullable<typeof first>, key.publicKey)).toBe(true);
    const again = createAuditAnchor({ db: temp.db, key, witnessDir, now: () => 2000 });
    expect(again.writeHead({ force: true })?.rootHash).toBe(first?.rootHash);
    expect(readWitnessHeads(witnessDir).heads.map((h) => h.treeSize)).toEqual([6, 6]);
    expect(verify(temp.db, { publicKey: key.publicKey, witnessDir })).toMatchObject({
      ok: true,
      headsChecked: 4,
    });
  });

  it('refuses to sign over an entry edited before its first head, and says so once', () => {
    temp = openTempDatabase();
    dir = mkdtempSync(join(tmpdir(), 'hireflow-anchor-'));
    const errors: string[] = [];
    seedAuditLog(temp.db, 2, 2);
    temp.db.sqlite.exec(
      `drop trigger audit_log_no_update; update audit_log set body = replace(body, 'ADVANCE', 'REJECT') where seq = 3`,
    );
    const anchor = createAuditAnchor({
      db: temp.db,
      key: testAuditKey(dir),
      witnessDir: join(dir, 'w'),
      now: () => 0,
      onError: (m) => errors.push(m),
    });
    expect(() => anchor.writeHead()).toThrow(/seq 3 fails verification/);
    anchor.stop();
    anchor.stop();
    expect(errors).toEqual(['audit: entry seq 3 fails verification (HASH_MISMATCH); not signing']);
  });

  it('generates the key file on first start with mode 0600 and a warning, then reuses it', () => {
    temp = openTempDatabase();
    dir = mkdtempSync(join(tmpdir(), 'hireflow-anchor-'));
    const warnings: string[] = [];
    const generated = loadAuditKey({ dataDir: dir, generate: true, warn: (m) => warnings.push(m) });
    expect(generated?.source).toBe('generated');
    expect(warnings).toHaveLength(1);
    expect(statSync(join(dir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
    const reused = loadAuditKey({ dataDir: dir, generate: true });
    expect(reused?.keyId).toBe(generated?.keyId);
    expect(
      loadAuditKey({ envValue: join(dir, AUDIT_KEY_FILE), dataDir: '/nowhere', generate: false })?.keyId,
    ).toBe(generated?.keyId);
    expect(readFileSync(join(dir, AUDIT_KEY_FILE), 'utf8')).toContain('PRIVATE KEY');
  });
});
