import type { WorkflowSpec } from '@hireflow/runtime/model';
import { moveNodes } from '../commands/moveNodes.ts';
import { NODE_SIZE, specToFlow } from '../flow/specToFlow.ts';

/**
 * Lays the top-level states out left to right with elkjs (layered). elkjs is ~1.4 MB, so it is
 * imported on first use. States inside parallel tracks keep their relative positions.
 */
export async function layoutWithElk(spec: WorkflowSpec): Promise<WorkflowSpec> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const flow = specToFlow(spec);
  const top = flow.nodes.filter((n) => !n.parentId);
  const topIds = new Set(top.map((n) => n.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '50',
    },
    children: top.map((n) => ({
      id: n.id,
      width: n.width ?? NODE_SIZE.width,
      height: n.height ?? NODE_SIZE.height + 30,
    })),
    edges: flow.edges
      .filter((e) => topIds.has(e.source) && topIds.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  return moveNodes(spec, positions);
}
