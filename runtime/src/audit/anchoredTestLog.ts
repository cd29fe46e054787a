import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { type HireflowDb, openDatabase } from '../store/index.ts';
import { createAuditAnchor } from './auditAnchor.ts';
import { type AuditKey, loadAuditKey } from './auditKey.ts';
import { seedAuditLog } from './testLog.ts';
import { type VerifyResult, verify } from './verify.ts';

/** A fresh Ed25519 audit key (tests). */
export function testAuditKey(dir: string): AuditKey {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return loadAuditKey({ envValue: pem, dataDir: dir, generate: false }) as AuditKey;
}

/**
 * A real database file holding `instances` × `steps` entries with a signed head over all of them in
 * a witness directory beside it; `copy()` gives an independent copy of the file for one tamper case.
 */
export function anchoredTestLog(instances: number, steps: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hireflow-audit-'));
  const file = join(dir, 'base.db');
  const witnessDir = join(dir, 'witness');
  const key = testAuditKey(dir);
  const db = openDatabase(file);
  seedAuditLog(db, instances, steps);
  const anchor = createAuditAnchor({ db, key, witnessDir, now: () => Date.UTC(2025, 2, 2) });
  anchor.writeHead();
  db.checkpoint('TRUNCATE');
  db.close();
  let copies = 0;
  return {
    dir,
    file,
    witnessDir,
    key,
    /** An independent copy of the anchored database file. */
    copy(): string {
      const target = join(dir, `copy-${++copies}.db`);
      copyFileSync(file, target);
      return target;
    },
    /** Verifies a file against the trusted key and the witness. */
    verifyFile(path: string): VerifyResult {
      const opened: HireflowDb = openDatabase(path);
      try {
        return verify(opened, { publicKey: key.publicKey, witnessDir });
      } finally {
        opened.close();
      }
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An attacker with write access to the file (not to the key or the witness): a separate connection
 * that drops the append-only triggers first, then edits rows directly.
 */
export function tamper(file: string, edit: (sqlite: Database.Database) => void): void {
  const attacker = openDatabase(file, { migrate: false });
  attacker.sqlite.exec(`drop trigger if exists audit_log_no_update; drop trigger if exists audit_log_no_delete;
    drop trigger if exists tree_heads_no_update; drop trigger if exists tree_heads_no_delete;
    drop trigger if exists versions_no_update; drop trigger if exists versions_no_delete;`);
  attacker.sqlite.pragma('foreign_keys = off');
  edit(attacker.sqlite);
  attacker.checkpoint('TRUNCATE');
  attacker.close();
}
