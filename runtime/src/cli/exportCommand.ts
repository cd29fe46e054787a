import { createAuditAnchor, exportBundleLines } from '../audit/index.ts';
import { cliAuditTrust } from './auditTrust.ts';
import { type CliCommand, EXIT } from './cliCommand.ts';
import { DB_OPTIONS, withEngine } from './cliEngine.ts';

/**
 * `hireflow export`: an NDJSON export bundle (docs/audit-format.md): a header with the signed tree
 * head (a fresh one when the audit key is at hand) and public key, then the entries; for one
 * instance also inclusion proofs and the chain-head proof. Check it with bin/verify-audit-export.mjs.
 */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export [--instance id] [--db file]',
  summary: 'Print an audit export bundle (NDJSON, with the signed tree head)',
  positionals: { min: 0, max: 0 },
  options: { ...DB_OPTIONS, instance: { type: 'string' } },
  run(input) {
    const { key, witnessDir } = cliAuditTrust(input);
    return withEngine(input, (engine, db) => {
      if (key) createAuditAnchor({ db, key, witnessDir, now: () => engine.clock.now().getTime() });
      const instance = typeof input.values.instance === 'string' ? input.values.instance : undefined;
      for (const line of exportBundleLines(db, instance)) input.io.out(line);
      return EXIT.ok;
    });
  },
};
