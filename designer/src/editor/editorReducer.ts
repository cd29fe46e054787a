import type { WorkflowSpec } from '@hireflow/runtime/model';
import type { Clipboard } from '../commands/clipboard.ts';
import { createHistory, type History, pushHistory, redo, replacePresent, undo } from '../commands/history.ts';
import { isSameSelection, type Selection } from '../commands/removeSelection.ts';

/** Everything the editor screen edits; the spec in `history.present` is the single source of truth. */
export interface EditorState {
  history: History<WorkflowSpec>;
  selection: Selection;
  clipboard: Clipboard | null;
  /** A short message for the status line (e.g. why a delete was refused). */
  notice: string | null;
}

export type EditorAction =
  | { type: 'apply'; spec: WorkflowSpec; select?: Selection; notice?: string | null }
  | { type: 'preview'; spec: WorkflowSpec }
  | { type: 'load'; spec: WorkflowSpec }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; selection: Selection }
  | { type: 'copy'; clipboard: Clipboard }
  | { type: 'notice'; notice: string | null };

export const EMPTY_SELECTION: Selection = { nodeIds: [], edgeIds: [] };

export function createEditorState(spec: WorkflowSpec): EditorState {
  return { history: createHistory(spec), selection: EMPTY_SELECTION, clipboard: null, notice: null };
}

/** Pure state transitions of the editor; React only dispatches. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'apply':
      return {
        ...state,
        history: pushHistory(state.history, action.spec),
        selection: action.select ?? state.selection,
        notice: action.notice === undefined ? state.notice : action.notice,
      };
    case 'preview':
      return { ...state, history: replacePresent(state.history, action.spec) };
    case 'load':
      return createEditorState(action.spec);
    case 'undo':
      return { ...state, history: undo(state.history), notice: null };
    case 'redo':
      return { ...state, history: redo(state.history), notice: null };
    case 'select':
      // An equal selection keeps its identity, so nothing downstream re-derives.
      return isSameSelection(state.selection, action.selection)
        ? state
        : { ...state, selection: action.selection };
    case 'copy':
      return {
        ...state,
        clipboard: action.clipboard,
        notice: `Copied ${action.clipboard.states.length} state(s)`,
      };
    case 'notice':
      return { ...state, notice: action.notice };
  }
}
