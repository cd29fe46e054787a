import type { SpecDiff } from '@hireflow/runtime/compiler';
import type { FlowMark } from './flowTypes.ts';
import type { FlowMarks } from './markFlow.ts';

/**
 * Colors a version diff on the canvas: states added/removed/changed, transitions and guards on their
 * edges, timers on their SLA edge (and their state), approver changes on the approval state.
 */
export function diffMarks(diff: SpecDiff): FlowMarks {
  const nodes = new Map<string, FlowMark>();
  const edges = new Map<string, FlowMark>();
  for (const entry of diff.entries) {
    const mark: FlowMark = entry.change;
    switch (entry.kind) {
      case 'state':
        nodes.set(entry.id, mark);
        break;
      case 'transition':
      case 'guard':
        edges.set(entry.transitionId ?? entry.id, entry.kind === 'guard' ? 'changed' : mark);
        break;
      case 'timer': {
        const [stateId, timerId] = entry.id.split('/');
        if (stateId && timerId) edges.set(`${stateId}:timer:${timerId}`, mark);
        if (stateId && !nodes.has(stateId)) nodes.set(stateId, 'changed');
        break;
      }
      case 'approver':
        if (entry.stateId && !nodes.has(entry.stateId)) nodes.set(entry.stateId, 'changed');
        break;
      case 'workflow':
        break;
    }
  }
  return { nodes, edges };
}
