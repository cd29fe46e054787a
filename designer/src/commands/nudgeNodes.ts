import type { WorkflowSpec } from '@hireflow/runtime/model';
import { specToFlow } from '../flow/specToFlow.ts';
import { moveNodes } from './moveNodes.ts';

/** How far one arrow-key press moves a state; with Shift, a larger step. */
export const NUDGE_STEP = 10;
export const NUDGE_STEP_LARGE = 50;

/**
 * Moves the states `ids` by (`dx`, `dy`) from where the canvas draws them (stored position or the
 * default grid), as one edit: keyboard moves are undone and saved like a drag.
 */
export function nudgeNodes(spec: WorkflowSpec, ids: readonly string[], dx: number, dy: number): WorkflowSpec {
  if (ids.length === 0 || (dx === 0 && dy === 0)) return spec;
  const wanted = new Set(ids);
  const positions = new Map(
    specToFlow(spec)
      .nodes.filter((n) => wanted.has(n.id))
      .map((n) => [n.id, { x: n.position.x + dx, y: n.position.y + dy }]),
  );
  return moveNodes(spec, positions);
}
