import type { Diagnostic } from '@hireflow/runtime/compiler';
import type { WorkflowSpec } from '@hireflow/runtime/model';
import { useEffect, useState } from 'react';

export interface CompileState {
  diagnostics: Diagnostic[];
  /** The compiled XState definition, null while the spec has errors. */
  definition: unknown;
  hash: string | null;
  /** True until the first compile after a change has finished. */
  pending: boolean;
}

/** Waits for typing to pause before recompiling; fast enough to feel live. */
const DEBOUNCE_MS = 250;

/**
 * Compiles the draft in the browser with the same compiler the server trusts, debounced.
 * The compiler (with the holiday tables of the calendar) is loaded on first use to keep first paint fast.
 */
export function useDiagnostics(spec: WorkflowSpec): CompileState {
  const [state, setState] = useState<CompileState>({
    diagnostics: [],
    definition: null,
    hash: null,
    pending: true,
  });
  useEffect(() => {
    let canceled = false;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(async () => {
      const { compile } = await import('@hireflow/runtime/compiler');
      const result = compile(spec);
      if (!canceled)
        setState({
          diagnostics: result.diagnostics,
          definition: result.definition,
          hash: result.hash,
          pending: false,
        });
    }, DEBOUNCE_MS);
    return () => {
      canceled = true;
      clearTimeout(timer);
    };
  }, [spec]);
  return state;
}
