import { parseSpec, type WorkflowSpec } from '../model/index.ts';
import { type AnalyzeOptions, analyze } from './analyze.ts';
import { canonicalize, canonicalJson, sha256Hex, toCanonical } from './canonical.ts';
import type { MachineDefinition } from './definitionTypes.ts';
import { type Diagnostic, hasErrors } from './diagnostics.ts';
import { emitDefinition } from './emit.ts';
import { outboundUrlDiagnostics } from './outboundDiagnostics.ts';

export interface CompileResult {
  /** The XState definition, or null while the spec has errors. */
  definition: MachineDefinition | null;
  diagnostics: Diagnostic[];
  /** sha256 of the canonical (parsed, defaults applied) spec; null when the spec does not parse. */
  hash: string | null;
  /** The parsed spec, when it parses. */
  spec: WorkflowSpec | null;
}

/** sha256 over the canonical JSON of a parsed spec: the identity of a version's content. */
export const specHash = (spec: WorkflowSpec): string => sha256Hex(canonicalJson(spec));

/**
 * Validates and compiles a spec (any JSON: it is migrated and schema-checked first). Pure and
 * deterministic: the same spec gives byte-identical output whatever its key order.
 */
export function compile(input: unknown, options: AnalyzeOptions = {}): CompileResult {
  const parsed = parseSpec(input);
  if (!parsed.ok) {
    return {
      definition: null,
      hash: null,
      spec: null,
      diagnostics: parsed.issues.map((issue) => ({
        path: issue.path,
        severity: 'error',
        code: 'SPEC_INVALID',
        message: issue.message,
      })),
    };
  }
  // One pass gives both the canonical spec and the text its hash is taken of (= specHash(spec)).
  const { value: spec, text } = toCanonical(parsed.spec);
  const diagnostics = analyze(spec, options);
  if (options.outboundAllow) diagnostics.push(...outboundUrlDiagnostics(spec, options.outboundAllow));
  const hash = sha256Hex(text);
  const definition = hasErrors(diagnostics) ? null : canonicalize(emitDefinition(spec, hash));
  return { definition, diagnostics, hash, spec };
}
