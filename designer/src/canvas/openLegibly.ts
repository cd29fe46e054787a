import type { WorkflowSpec } from '@hireflow/runtime/model';
import type { ReactFlowInstance } from '@xyflow/react';
import type { SpecEdge, StateNode } from '../flow/flowTypes.ts';
import { mainPath } from '../flow/mainPath.ts';

/**
 * The smallest zoom at which card text (12–14 px) is still ~10 px on screen. Below it, opening on the
 * whole graph shows shapes nobody can read, so the canvas opens on the main path instead.
 */
export const LEGIBLE_ZOOM = 0.75;
const MARGIN = 40;

/**
 * Fits the whole workflow when that stays legible; otherwise fits its main path at a legible zoom,
 * starting at the start state (the rest is a pan or a "Fit" away).
 */
export async function openLegibly(
  flow: ReactFlowInstance<StateNode, SpecEdge>,
  spec: WorkflowSpec,
): Promise<void> {
  await flow.fitView({ padding: 0.08 });
  if (flow.getZoom() >= LEGIBLE_ZOOM) return;
  const path = mainPath(spec).filter((id) => flow.getInternalNode(id));
  await flow.fitView({ nodes: path.map((id) => ({ id })), minZoom: LEGIBLE_ZOOM, maxZoom: 1, padding: 0.08 });
  const start = flow.getInternalNode(spec.initial);
  if (!start) return;
  const viewport = flow.getViewport();
  const left = start.internals.positionAbsolute.x * viewport.zoom + viewport.x;
  if (left < MARGIN)
    await flow.setViewport({ ...viewport, x: MARGIN - start.internals.positionAbsolute.x * viewport.zoom });
}
