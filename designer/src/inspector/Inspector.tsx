import type { Diagnostic } from '@hireflow/runtime/compiler';
import { listStates, type StateSpec, type WorkflowSpec } from '@hireflow/runtime/model';
import type { Selection } from '../commands/removeSelection.ts';
import type { StatePatch } from '../commands/updateState.ts';
import type { TransitionPatch } from '../commands/updateTransition.ts';
import { specToFlow } from '../flow/specToFlow.ts';
import { stateOptions } from '../spec/stateOptions.ts';
import { locateDiagnostic } from '../validation/locateDiagnostic.ts';
import { StateInspector } from './StateInspector.tsx';
import { TransitionInspector } from './TransitionInspector.tsx';

/** Shows the form for what is selected: one state, one edge, or a hint. */
export function Inspector(props: {
  spec: WorkflowSpec;
  selection: Selection;
  diagnostics: Diagnostic[];
  onPatchState: (id: string, patch: StatePatch) => void;
  onReplaceState: (state: StateSpec) => void;
  onPatchEdge: (edgeId: string, patch: TransitionPatch) => void;
  onSetInitial: (id: string) => void;
  onRenameState?: (id: string, label: string) => void;
  /** Viewers and auditors see every setting but cannot change any (a disabled fieldset). */
  readOnly?: boolean;
}) {
  return (
    <fieldset className="hf-inspector__frame" disabled={props.readOnly} data-testid="inspector-frame">
      <legend className="hf-sr-only">{props.readOnly ? 'Details (read only)' : 'Details'}</legend>
      <InspectorBody {...props} />
    </fieldset>
  );
}

function InspectorBody(props: Parameters<typeof Inspector>[0]) {
  const { spec, selection } = props;
  const located = listStates(spec);
  const stateIds = stateOptions(spec);
  const count = selection.nodeIds.length + selection.edgeIds.length;
  if (count === 0) {
    return (
      <p className="hf-muted hf-inspector__hint">
        Select a state or an arrow to edit it. Drag from the palette to add one.
      </p>
    );
  }
  if (count > 1)
    return (
      <p className="hf-muted hf-inspector__hint">
        {count} items selected. Delete, copy or drag them together.
      </p>
    );
  const nodeId = selection.nodeIds[0];
  if (nodeId) {
    const state = located.find((l) => l.state.id === nodeId)?.state;
    if (!state) return null;
    return (
      <StateInspector
        key={state.id}
        spec={spec}
        state={state}
        stateIds={stateIds}
        onPatch={(patch) => props.onPatchState(state.id, patch)}
        {...(props.onRenameState
          ? { onRename: (label: string) => props.onRenameState?.(state.id, label) }
          : {})}
        onSetInitial={() => props.onSetInitial(state.id)}
      />
    );
  }
  const edgeId = selection.edgeIds[0] ?? '';
  const edge = specToFlow(spec).edges.find((e) => e.id === edgeId);
  const source = located.find((l) => l.state.id === edge?.source)?.state;
  if (!edge || !source) return null;
  return (
    <TransitionInspector
      key={edgeId}
      spec={spec}
      state={source}
      edgeId={edgeId}
      stateIds={stateIds}
      diagnostics={props.diagnostics.filter((d) => locateDiagnostic(spec, d).edgeId === edgeId)}
      onPatch={(patch) => props.onPatchEdge(edgeId, patch)}
      onPatchState={props.onReplaceState}
    />
  );
}
