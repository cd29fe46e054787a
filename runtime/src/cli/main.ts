/**
 * The `hireflow` command line: `validate`, `compile` and `diff` workflow specs.
 * `runtime/bin/hireflow.mjs` loads this file through tsx; `pnpm hireflow <command>` runs it from the root.
 */
import { runCli } from './runCli.ts';

// Under `pnpm hireflow …` the process runs in runtime/; INIT_CWD is where the user typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd,
});
