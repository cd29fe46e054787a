import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/index.ts';
import { anchoredTestLog } from './anchoredTestLog.ts';
import { exportBundleLines } from './exportBundle.ts';

const VERIFIER = fileURLToPath(new URL('../../bin/verify-audit-export.mjs', import.meta.url));

let log: ReturnType<typeof anchoredTestLog>;
let instanceBundle: string[];
let allBundle: string[];
beforeAll(() => {
  log = anchoredTestLog(5, 7);
  const db = openDatabase(log.copy());
  instanceBundle = [...exportBundleLines(db, 'i3')];
  allBundle = [...exportBundleLines(db)];
  db.close();
});
afterAll(() => log.dispose());

/** Runs the standalone verifier script (Node built-ins only) as an auditor would. */
function runVerifier(lines: readonly string[]): {
  code: number;
  output: { ok: boolean; findings: string[] };
} {
  const file = join(log.dir, `bundle-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(file, lines.join(''));
  try {
    const out = execFileSync(process.execPath, [VERIFIER, file, '--key', log.key.publicKeyBase64], {
      encoding: 'utf8',
    });
    return { code: 0, output: JSON.parse(out) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, output: JSON.parse(failed.stdout) };
  }
}

describe('offline verifier (runtime/bin/verify-audit-export.mjs) on export bundles', () => {
  it("accepts one instance's export: entries, inclusion proofs, chain-head proof, signed head", () => {
    expect(instanceBundle).toHaveLength(1 + 7 + 1);
    expect(runVerifier(instanceBundle)).toMatchObject({ code: 0, output: { ok: true, findings: [] } });
  });

  it('accepts the bulk export and recomputes the signed root', () => {
    expect(allBundle).toHaveLength(1 + 35);
    expect(runVerifier(allBundle)).toMatchObject({ code: 0, output: { ok: true } });
  });

  it('fails an instance export with its last entry removed (completeness)', () => {
    const cut = instanceBundle.filter((_, i) => i !== 7);
    const result = runVerifier(cut);
    expect(result.code).toBe(1);
    expect(result.output.findings.join('\n')).toMatch(/entries are missing/);
  });

  it('fails a bulk export with its last entry removed, and an edited entry', () => {
    expect(runVerifier(allBundle.slice(0, -1)).code).toBe(1);
    const edited = [...allBundle];
    edited[10] = (edited[10] as string).replace('ADVANCE', 'REJECT');
    expect(runVerifier(edited).output.findings.join('\n')).toMatch(/hash does not match/);
  });

  it('fails a bundle whose head was re-signed by another key', () => {
    const header = JSON.parse(instanceBundle[0] as string);
    header.head.treeSize += 1;
    const result = runVerifier([`${JSON.stringify(header)}\n`, ...instanceBundle.slice(1)]);
    expect(result.output.findings).toContain('the tree head signature does not verify');
  });
});
