import type { StateKind, StateSpec, WorkflowSpec } from '@hireflow/runtime/model';
import { useCallback, useMemo, useReducer } from 'react';
import { addState } from '../commands/addState.ts';
import { copySelection, paste } from '../commands/clipboard.ts';
import { type Connection, connect } from '../commands/connect.ts';
import { canRedo, canUndo } from '../commands/history.ts';
import { moveNodes } from '../commands/moveNodes.ts';
import { nameState } from '../commands/nameState.ts';
import { nudgeNodes } from '../commands/nudgeNodes.ts';
import { removeSelection, type Selection } from '../commands/removeSelection.ts';
import { type StatePatch, updateState } from '../commands/updateState.ts';
import { type TransitionPatch, updateTransition } from '../commands/updateTransition.ts';
import { updateStateById } from '../spec/specTree.ts';
import { createEditorState, EMPTY_SELECTION, editorReducer } from './editorReducer.ts';

/** The editor's commands bound to its reducer: what toolbar, canvas, inspector and shortcuts call. */
export function useEditor(initial: WorkflowSpec) {
  const [state, dispatch] = useReducer(editorReducer, initial, createEditorState);
  const spec = state.history.present;
  const { selection, clipboard } = state;

  const apply = useCallback((next: WorkflowSpec, select?: Selection, notice?: string | null) => {
    dispatch({
      type: 'apply',
      spec: next,
      ...(select ? { select } : {}),
      ...(notice !== undefined ? { notice } : {}),
    });
  }, []);

  const commands = useMemo(
    () => ({
      load: (next: WorkflowSpec) => dispatch({ type: 'load', spec: next }),
      replace: (next: WorkflowSpec) => apply(next),
      select: (next: Selection) => dispatch({ type: 'select', selection: next }),
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      dismissNotice: () => dispatch({ type: 'notice', notice: null }),
      add: (kind: StateKind, position: { x: number; y: number }) => {
        const result = addState(spec, kind, position);
        apply(result.spec, { nodeIds: [result.id], edgeIds: [] }, null);
      },
      connect: (connection: Connection) => {
        const result = connect(spec, connection);
        if (result.edgeId === null) dispatch({ type: 'notice', notice: `Cannot connect: ${result.reason}` });
        else apply(result.spec, { nodeIds: [], edgeIds: [result.edgeId] }, null);
      },
      move: (positions: Map<string, { x: number; y: number }>) => apply(moveNodes(spec, positions)),
      remove: () => {
        const result = removeSelection(spec, selection);
        const notice = result.refused.length
          ? `Not deleted: ${result.refused.map((r) => r.reason).join('; ')}`
          : null;
        apply(result.spec, EMPTY_SELECTION, notice);
      },
      copy: () => {
        if (selection.nodeIds.length)
          dispatch({ type: 'copy', clipboard: copySelection(spec, selection.nodeIds) });
      },
      paste: () => {
        if (!clipboard) return;
        const result = paste(spec, clipboard);
        apply(result.spec, { nodeIds: result.ids, edgeIds: [] }, null);
      },
      patchState: (id: string, patch: StatePatch) => {
        const result = updateState(spec, id, patch);
        if (result.error) dispatch({ type: 'notice', notice: result.error });
        else
          apply(result.spec, typeof patch.id === 'string' ? { nodeIds: [patch.id], edgeIds: [] } : undefined);
      },
      replaceState: (next: StateSpec) => apply(updateStateById(spec, next.id, () => next)),
      patchEdge: (edgeId: string, patch: TransitionPatch) => apply(updateTransition(spec, edgeId, patch)),
      setInitial: (id: string) => apply({ ...spec, initial: id }),
      /** Arrow keys on the canvas: one undoable, saved move of the selected states. */
      nudge: (ids: readonly string[], dx: number, dy: number) => apply(nudgeNodes(spec, ids, dx, dy)),
      /** The inspector's Name field: a fresh state's first name also becomes its id. */
      rename: (id: string, label: string) => {
        const result = nameState(spec, id, label);
        if (result.error) dispatch({ type: 'notice', notice: result.error });
        else apply(result.spec, result.id === id ? undefined : { nodeIds: [result.id], edgeIds: [] });
      },
    }),
    [spec, selection, clipboard, apply],
  );

  return {
    spec,
    selection,
    notice: state.notice,
    canUndo: canUndo(state.history),
    canRedo: canRedo(state.history),
    ...commands,
  };
}
export type EditorApi = ReturnType<typeof useEditor>;
