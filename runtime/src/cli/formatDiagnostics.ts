import type { Diagnostic } from '../compiler/index.ts';

/** One diagnostic per line: `path  severity  CODE  message` (the path `(spec)` when it is the whole spec). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.path === '' ? '(spec)' : d.path}  ${d.severity}  ${d.code}  ${d.message}\n`)
    .join('');
}

/** "2 errors, 1 warning" — or "no problems". */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return 'no problems';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ');
}

/** Writes a value as the one JSON object of a `--json` run. */
export const toJsonLine = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
