import type { StateKind, WorkflowSpec } from '@hireflow/runtime/model';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  type OnSelectionChangeParams,
  ReactFlow,
  type ReactFlowState,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import { type DragEvent, type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react';
import type { Connection as SpecConnection } from '../commands/connect.ts';
import { NUDGE_STEP, NUDGE_STEP_LARGE } from '../commands/nudgeNodes.ts';
import { isSameSelection, type Selection } from '../commands/removeSelection.ts';
import type { SpecEdge, StateNode } from '../flow/flowTypes.ts';
import { type FlowMarks, markFlow } from '../flow/markFlow.ts';
import { specToFlow } from '../flow/specToFlow.ts';
import { ConnectPad } from './ConnectPad.tsx';
import { edgeTypes } from './edgeTypes.ts';
import { nodeTypes } from './nodeTypes.ts';
import { PALETTE_MIME } from './Palette.tsx';

const MINIMAP_COLORS: Record<string, string> = {
  milestone: '#3b82f6',
  approval: '#8b5cf6',
  decision: '#f59e0b',
  parallel: '#94a3b8',
  final: '#10b981',
};

// Props React Flow copies into its store whenever their identity changes: keep them module constants.
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const minimapColor = (node: { type?: string | undefined }) => MINIMAP_COLORS[node.type ?? ''] ?? '#64748b';
/**
 * Below this zoom, card details and arrow labels are too small to read; hiding them (CSS, `is-far`)
 * spares the browser painting hundreds of texts on every frame of a drag or pan in a large workflow.
 */
const FAR_ZOOM = 0.45;
const isFar = (state: ReactFlowState) => state.transform[2] < FAR_ZOOM;

export interface CanvasProps {
  spec: WorkflowSpec;
  selection: Selection;
  marks: FlowMarks;
  readOnly?: boolean;
  /** Fit the whole graph when React Flow starts (off when the page chooses the opening view itself). */
  fitOnInit?: boolean;
  onSelect: (selection: Selection) => void;
  onConnect: (connection: Connection) => void;
  onMove: (positions: Map<string, { x: number; y: number }>) => void;
  onDropKind: (kind: StateKind, position: { x: number; y: number }) => void;
  /** Arrow keys on a focused state: move the selected states (one saved, undoable edit). */
  onNudge?: (ids: readonly string[], dx: number, dy: number) => void;
  /** The context pad's keyboard connect (same command as drawing an arrow). */
  onConnectTo?: (connection: SpecConnection) => void;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The workflow canvas. Nodes and edges are derived from the spec; while a drag is in progress the
 * positions live in local state and are written to the spec once, when the drag stops (one undo step).
 */
export function Canvas(props: CanvasProps) {
  const { spec, selection, marks, onSelect, onMove, onDropKind } = props;
  const derived = useMemo(() => specToFlow(spec), [spec]);
  const marked = useMemo(() => markFlow(derived, marks, selection), [derived, marks, selection]);
  const [nodes, setNodes] = useState<StateNode[]>(marked.nodes);
  const [edges, setEdges] = useState<SpecEdge[]>(marked.edges);
  // Adopt a new derivation during render (not in an effect): React Flow must never see a render where
  // its nodes lag behind the selection, or it reports the stale selection back and the two ping-pong.
  const [adopted, setAdopted] = useState(marked);
  if (adopted !== marked) {
    setAdopted(marked);
    setNodes(marked.nodes);
    setEdges(marked.edges);
  }
  const { screenToFlowPosition } = useReactFlow();
  const far = useStore(isFar);

  const onNodesChange = useCallback((changes: NodeChange<StateNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<SpecEdge>[]) => {
    setEdges((current) => applyEdgeChanges(changes, current));
  }, []);
  const onNodeDragStop = useCallback(
    (_event: unknown, _node: StateNode, dragged: StateNode[]) => {
      onMove(new Map(dragged.map((n) => [n.id, n.position])));
    },
    [onMove],
  );
  // React Flow re-reports its (possibly not yet updated) selection whenever this handler's identity
  // changes, so the handler is created once and reads the latest selection and callback from refs.
  const latest = useRef({ selection, onSelect });
  latest.current = { selection, onSelect };
  const onSelectionChange = useCallback(({ nodes: n, edges: e }: OnSelectionChangeParams) => {
    const next = { nodeIds: n.map((x) => x.id), edgeIds: e.map((x) => x.id) };
    if (!isSameSelection(next, latest.current.selection)) latest.current.onSelect(next);
  }, []);
  // React Flow moves a focused node with the arrow keys only in its own state (lost on the next
  // render, never saved); take the keys first and make each press an edit of the spec.
  const onKeyDownCapture = useCallback(
    (event: KeyboardEvent) => {
      const delta = ARROWS[event.key];
      const focused = (event.target as HTMLElement).closest?.('.react-flow__node');
      const focusedId = focused?.getAttribute('data-id');
      if (!delta || !focusedId || !props.onNudge || props.readOnly) return;
      event.preventDefault();
      event.stopPropagation();
      const step = event.shiftKey ? NUDGE_STEP_LARGE : NUDGE_STEP;
      const ids = latest.current.selection.nodeIds.includes(focusedId)
        ? latest.current.selection.nodeIds
        : [focusedId];
      props.onNudge(ids, delta[0] * step, delta[1] * step);
    },
    [props.onNudge, props.readOnly],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME) as StateKind;
      if (!kind) return;
      event.preventDefault();
      onDropKind(kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [onDropKind, screenToFlowPosition],
  );

  return (
    <div
      className={far ? 'hf-canvas is-far' : 'hf-canvas'}
      data-testid="canvas"
      data-readonly={props.readOnly ? 'true' : undefined}
      onKeyDownCapture={onKeyDownCapture}
    >
      <ReactFlow<StateNode, SpecEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onSelectionChange={onSelectionChange}
        onConnect={props.onConnect}
        onDragOver={onDragOver}
        onDrop={onDrop}
        nodesDraggable={!props.readOnly}
        nodesConnectable={!props.readOnly}
        edgesFocusable={false}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionOnDrag={false}
        fitView={props.fitOnInit !== false}
        minZoom={0.1}
        onlyRenderVisibleElements
        proOptions={PRO_OPTIONS}
      >
        <Background gap={24} />
        <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel="Mini map" />
        <Controls showInteractive={false} />
        {!props.readOnly && props.onConnectTo && selection.nodeIds.length === 1 && selection.nodeIds[0] && (
          <ConnectPad
            key={selection.nodeIds[0]}
            spec={spec}
            stateId={selection.nodeIds[0]}
            onConnect={props.onConnectTo}
          />
        )}
      </ReactFlow>
    </div>
  );
}
