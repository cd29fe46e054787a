import type { WorkflowSpec } from '@hireflow/runtime/model';
import { moveNodes } from '../commands/moveNodes.ts';
import { mainPath } from '../flow/mainPath.ts';
import { NODE_SIZE, specToFlow } from '../flow/specToFlow.ts';

/** Node sizes as the browser drew them (React Flow's `measured`), keyed by state id. */
export type MeasuredSizes = ReadonlyMap<string, { width: number; height: number }>;

const OUTCOME_GAP = { x: 40, y: 90 } as const;

/**
 * Lays the top-level states out with elkjs (layered, left to right) using the sizes the cards really
 * have (they grow with SLA chips and approval steps), keeping the main path in order on one line;
 * outcomes (final states) go in a row below, each under the states that lead to it. elkjs is ~1.4 MB,
 * so it is imported on first use. States inside parallel tracks keep their relative positions.
 */
export async function layoutWithElk(spec: WorkflowSpec, measured?: MeasuredSizes): Promise<WorkflowSpec> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const flow = specToFlow(spec);
  const sizeOf = (n: (typeof flow.nodes)[number]) =>
    measured?.get(n.id) ?? { width: n.width ?? NODE_SIZE.width, height: n.height ?? NODE_SIZE.height + 30 };
  const top = flow.nodes.filter((n) => !n.parentId);
  const outcomes = top.filter((n) => n.type === 'final');
  const stages = top.filter((n) => n.type !== 'final');
  const path = mainPath(spec);
  const rank = (id: string) => {
    const i = path.indexOf(id);
    return i < 0 ? path.length : i;
  };
  // Model order = main path first: with considerModelOrder ELK keeps it left to right.
  const ordered = [...stages].sort((a, b) => rank(a.id) - rank(b.id));
  const stageIds = new Set(stages.map((n) => n.id));
  const onPath = new Set(path.slice(1).map((id, i) => `${path[i]}→${id}`));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '50',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    },
    children: ordered.map((n) => ({ id: n.id, ...sizeOf(n) })),
    edges: flow.edges
      .filter((e) => stageIds.has(e.source) && stageIds.has(e.target) && e.source !== e.target)
      .map((e) => ({
        id: e.id,
        sources: [e.source],
        targets: [e.target],
        ...(onPath.has(`${e.source}→${e.target}`)
          ? {
              layoutOptions: {
                'elk.layered.priority.straightness': '20',
                'elk.layered.priority.direction': '20',
              },
            }
          : {}),
      })),
  });
  const positions = new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  placeOutcomesBelow(outcomes, flow.edges, positions, sizeOf, stages);
  return moveNodes(spec, positions);
}

type SizedNode = ReturnType<typeof specToFlow>['nodes'][number];

/** Outcomes in one row under the stages, ordered by where the states leading to them sit, never overlapping. */
function placeOutcomesBelow(
  outcomes: SizedNode[],
  edges: ReturnType<typeof specToFlow>['edges'],
  positions: Map<string, { x: number; y: number }>,
  sizeOf: (n: SizedNode) => { width: number; height: number },
  stages: SizedNode[],
) {
  const bottom = Math.max(0, ...stages.map((n) => (positions.get(n.id)?.y ?? 0) + sizeOf(n).height));
  const wantedX = (id: string) => {
    const xs = edges
      .filter((e) => e.target === id)
      .flatMap((e) => {
        const p = positions.get(e.source);
        return p ? [p.x] : [];
      });
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
  };
  const sorted = [...outcomes].sort((a, b) => wantedX(a.id) - wantedX(b.id));
  let nextFree = Number.NEGATIVE_INFINITY;
  for (const node of sorted) {
    const x = Math.max(wantedX(node.id), nextFree);
    positions.set(node.id, { x, y: bottom + OUTCOME_GAP.y });
    nextFree = x + sizeOf(node).width + OUTCOME_GAP.x;
  }
}
