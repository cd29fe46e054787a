import { verify } from '../audit/index.ts';
import { cliAuditTrust } from './auditTrust.ts';
import { type CliCommand, EXIT } from './cliCommand.ts';
import { DB_OPTIONS, withEngine } from './cliEngine.ts';
import { toJsonLine } from './formatDiagnostics.ts';

/**
 * `hireflow verify`: every hash chain, the Merkle root at every signed head (witness directory and
 * database, signatures against the audit key), snapshots and definitions; prints what a signed head
 * proves and the unanchored tail; exit 1 lists the first bad entry of each instance.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'verify [--db file]',
  summary: 'Verify the audit log (chains, signed tree heads, snapshots, definitions); exit 1 on tampering',
  positionals: { min: 0, max: 0 },
  options: DB_OPTIONS,
  run(input) {
    const { key, witnessDir } = cliAuditTrust(input);
    return withEngine(input, (_engine, db) => {
      const result = verify(db, { publicKey: key?.publicKey, witnessDir });
      if (input.json) {
        input.io.out(toJsonLine(result));
        return result.ok ? EXIT.ok : EXIT.invalid;
      }
      const anchored = result.anchored
        ? `${Math.min(result.anchored.treeSize, result.entriesChecked)} anchored by the ${result.anchored.source} head signed ${new Date(result.anchored.timestamp).toISOString()}${result.anchored.keyTrusted ? '' : ' (signature checked with the key stored in the database only: no audit key found)'}`
        : '0 anchored (no signed tree head found: chain checks only)';
      const tail = result.tail.count > 0 ? ` (${result.tail.from} .. ${result.tail.to})` : '';
      const summary = `${result.entriesChecked} entries: ${anchored}; ${result.tail.count} in the unanchored tail${tail}.\n`;
      if (result.ok) input.io.out(`Audit log intact. ${summary}`);
      else {
        input.io.err(`Audit log TAMPERED. ${summary}`);
        for (const failure of result.failures) input.io.err(`  ${JSON.stringify(failure)}\n`);
      }
      return result.ok ? EXIT.ok : EXIT.invalid;
    });
  },
};
