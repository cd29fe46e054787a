import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type CliCommand,
  CliInputError,
  type CliIo,
  EXIT,
  MissingFileError,
  UsageError,
} from './cliCommand.ts';
import { COMMANDS } from './commands.ts';
import { toJsonLine } from './formatDiagnostics.ts';

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The runtime package's version (the CLI ships with it). */
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  const lines = commands.map((c) => `  hireflow ${c.usage.padEnd(width)}  ${c.summary}`);
  return [
    'Usage:',
    ...lines,
    '',
    'Options:',
    '  --json      print one JSON object on stdout',
    '  -h, --help  show this help',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 ok, 1 invalid input, 2 wrong usage or a missing file.',
    '',
  ].join('\n');
}

/** Finds the command name (the first positional) without judging the options yet. */
function locateCommand(argv: string[]): { index: number; name: string } | undefined {
  const { tokens } = parseArgs({ args: argv, strict: false, allowPositionals: true, tokens: true });
  const token = tokens.find((t) => t.kind === 'positional');
  return token?.kind === 'positional' ? { index: token.index, name: token.value } : undefined;
}

async function dispatch(argv: string[], io: CliIo, commands: readonly CliCommand[], json: boolean) {
  const located = locateCommand(argv);
  if (!located && (argv.includes('--version') || argv.includes('-v'))) {
    io.out(json ? toJsonLine({ ok: true, version: VERSION }) : `hireflow ${VERSION}\n`);
    return EXIT.ok;
  }
  if (!located) {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(helpText(commands));
      return EXIT.ok;
    }
    throw new UsageError('Say which command to run.');
  }
  const command = commands.find((c) => c.name === located.name);
  if (!command) throw new UsageError(`Unknown command "${located.name}".`);
  const rest = argv.filter((_, i) => i !== located.index);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (parsed.values.help) {
    io.out(`Usage: hireflow ${command.usage}\n${command.summary}.\n`);
    return EXIT.ok;
  }
  const count = parsed.positionals.length;
  const { min, max } = command.positionals;
  if (count < min || count > max) {
    throw new UsageError(
      `"${command.name}" takes ${min === max ? min : `${min} to ${max}`} argument(s), got ${count}.`,
    );
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  return command.run({ positionals: parsed.positionals, values, json, io });
}

/**
 * Runs one `hireflow` command line and returns its exit code. Catches everything: the user sees a
 * message (or, with `--json`, one JSON object), never a stack trace.
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const json = argv.includes('--json');
  const fail = (code: string, message: string, exit: number, usage = false) => {
    if (json) io.out(toJsonLine({ ok: false, error: { code, message } }));
    else io.err(`hireflow: ${message}\n${usage ? `\n${helpText(commands)}` : ''}`);
    return exit;
  };
  try {
    return await dispatch(argv, io, commands, json);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.code, error.message, EXIT.usage, true);
    if (error instanceof MissingFileError) return fail(error.code, error.message, EXIT.usage);
    if (error instanceof CliInputError) return fail(error.code, error.message, EXIT.invalid);
    const message = error instanceof Error ? error.message : String(error);
    return fail('UNEXPECTED', `unexpected error (please report it): ${message}`, EXIT.invalid);
  }
}
