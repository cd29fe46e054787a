import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliInputError } from './cliCommand.ts';

/** Why a file could not be read, in words (the Node error code is kept for people who search it). */
function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Reads and parses a JSON file named on the command line; failures become a {@link CliInputError}. */
export async function readSpecFile(file: string, cwd: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new CliInputError(`Cannot read ${file}: ${reasonOf(error)}.`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliInputError(`${file} is not valid JSON: ${detail}.`, { cause: error });
  }
}
