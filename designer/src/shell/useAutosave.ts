import type { WorkflowSpec } from '@hireflow/runtime/model';
import { useEffect, useRef, useState } from 'react';
import type { Draft } from '../api/apiTypes.ts';
import { ApiProblem, api } from '../api/client.ts';

export type SaveStatus =
  | { kind: 'saved'; at: string }
  | { kind: 'saving' }
  | { kind: 'unsaved' }
  | { kind: 'conflict'; theirs: Draft | null }
  | { kind: 'error'; message: string };

const AUTOSAVE_MS = 1200;

/**
 * Saves the draft a moment after each change, with the revision it was based on. When someone else
 * saved in between, the server answers 409 and we stop and show the conflict instead of overwriting.
 */
export function useAutosave(workflowId: string, spec: WorkflowSpec, initial: Draft) {
  const revision = useRef(initial.revision);
  const lastSaved = useRef<WorkflowSpec>(initial.spec);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: initial.savedAt });
  const conflicted = status.kind === 'conflict';
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  // Stores `next` unless it is what the server already has; answers the revision it is stored at.
  // Saves run one after another: two at once would both claim the same base revision.
  const saveNow = (next: WorkflowSpec): Promise<number> => {
    const run = inFlight.current.catch(() => undefined).then(() => store(next));
    inFlight.current = run;
    return run;
  };
  const store = async (next: WorkflowSpec): Promise<number> => {
    if (next === lastSaved.current) return revision.current;
    setStatus({ kind: 'saving' });
    try {
      const { draft } = await api.saveDraft(workflowId, next, revision.current);
      revision.current = draft.revision;
      lastSaved.current = next;
      setStatus({ kind: 'saved', at: draft.savedAt });
      return draft.revision;
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) {
        setStatus({ kind: 'conflict', theirs: (error.body.current as Draft | undefined) ?? null });
      } else setStatus({ kind: 'error', message: error instanceof Error ? error.message : 'save failed' });
      throw error;
    }
  };
  const latest = useRef(saveNow);
  latest.current = saveNow;
  useEffect(() => {
    if (spec === lastSaved.current || conflicted) return;
    setStatus({ kind: 'unsaved' });
    const timer = setTimeout(() => void latest.current(spec).catch(() => undefined), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [spec, conflicted]);
  return {
    status,
    revision: () => revision.current,
    /**
     * Saves the current spec at once if autosave has not yet (publishing must publish what is on
     * screen) and answers the draft revision to publish; throws on a conflict or a failed save.
     */
    flush: () => latest.current(spec),
    /** Take the other editor's draft as the new base (the caller loads its spec into the editor). */
    acceptTheirs: (theirs: Draft) => {
      revision.current = theirs.revision;
      lastSaved.current = theirs.spec;
      setStatus({ kind: 'saved', at: theirs.savedAt });
    },
    /** Keep my changes: re-base on their revision and save mine over it, deliberately. */
    keepMine: (theirs: Draft) => {
      revision.current = theirs.revision;
      setStatus({ kind: 'unsaved' });
    },
  };
}
