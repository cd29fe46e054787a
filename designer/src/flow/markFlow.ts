import type { Flow, FlowMark } from './flowTypes.ts';

/** Marks to overlay on the canvas, keyed by node id and edge id. */
export interface FlowMarks {
  nodes: ReadonlyMap<string, FlowMark>;
  edges: ReadonlyMap<string, FlowMark>;
}

export const NO_MARKS: FlowMarks = { nodes: new Map(), edges: new Map() };

/**
 * Returns the flow with marks (simulation, diff, replay) and the selection applied. Objects that do
 * not change are reused, so memo'd node components skip re-rendering.
 */
export function markFlow(
  flow: Flow,
  marks: FlowMarks,
  selected: { nodeIds: readonly string[]; edgeIds: readonly string[] },
): Flow {
  const nodeSel = new Set(selected.nodeIds);
  const edgeSel = new Set(selected.edgeIds);
  return {
    nodes: flow.nodes.map((node) => {
      const mark = marks.nodes.get(node.id);
      const isSelected = nodeSel.has(node.id);
      if (mark === undefined && !isSelected) return node;
      return { ...node, selected: isSelected, data: mark === undefined ? node.data : { ...node.data, mark } };
    }),
    edges: flow.edges.map((edge) => {
      const mark = marks.edges.get(edge.id);
      const isSelected = edgeSel.has(edge.id);
      if (mark === undefined && !isSelected) return edge;
      return {
        ...edge,
        selected: isSelected,
        ...(edge.data && mark !== undefined ? { data: { ...edge.data, mark } } : {}),
      };
    }),
  };
}
