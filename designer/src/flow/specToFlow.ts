import type { StateSpec, WorkflowSpec } from '@hireflow/runtime/model';
import { listStates } from '@hireflow/runtime/model';
import { describeRecipient, describeTimer } from '../spec/describe.ts';
import type { Flow, SpecEdge, SpecEdgeData, StateNode, StateNodeData } from './flowTypes.ts';

/** Size the canvas reserves for one state card; used for default positions and parallel bounds. */
export const NODE_SIZE = { width: 200, height: 84 } as const;
const PARALLEL_PADDING = { top: 64, right: 24, bottom: 24, left: 24 } as const;

/** Where a state without a stored position goes: a left-to-right grid by index. */
function defaultPosition(index: number, nested: boolean): { x: number; y: number } {
  if (nested) return { x: PARALLEL_PADDING.left + index * (NODE_SIZE.width + 40), y: PARALLEL_PADDING.top };
  return { x: (index % 6) * (NODE_SIZE.width + 80), y: Math.floor(index / 6) * (NODE_SIZE.height + 100) };
}

const KIND_WORDS: Record<StateSpec['kind'], string> = {
  milestone: 'milestone',
  approval: 'approval',
  decision: 'decision',
  parallel: 'parallel stage',
  final: 'outcome',
};

/** "REJECT" → "Reject", "NEEDS_INFO" → "Needs info": the short name the badge shows. */
const eventName = (event: string) =>
  event.charAt(0) + event.slice(1).toLowerCase().replaceAll('_', ' ').replaceAll('.', ' ');

/** The badge entries of the workflow's transitions from any state (states that end the instance have none). */
function anyStateBadges(spec: WorkflowSpec): StateNodeData['anyState'] {
  const names = new Map(listStates(spec).map((l) => [l.state.id, l.state.label ?? l.state.id]));
  return (spec.anyState ?? []).map((t) => ({
    name: eventName(t.event),
    title: `${t.label ?? t.event} → ${names.get(t.target) ?? t.target} (from any stage)`,
  }));
}

function nodeData(state: StateSpec, initial: boolean): StateNodeData {
  const timers =
    state.kind === 'milestone' || state.kind === 'approval' || state.kind === 'parallel' ? state.timers : [];
  const data: StateNodeData = {
    stateId: state.id,
    kind: state.kind,
    label: state.label ?? state.id,
    locked: state.locked === true,
    initial,
    owner: state.owner,
    slaBadges: timers.filter((timer) => timer.target === undefined).map(describeTimer),
  };
  if (state.kind === 'approval') {
    data.steps = state.approval.steps.map((step) => ({
      id: step.id,
      label: step.label ?? step.id,
      approvers: step.approvers.map(describeRecipient),
      mode: step.mode === 'quorum' ? `quorum ${step.quorum ?? '?'}` : step.mode,
    }));
  }
  if (state.kind === 'parallel')
    data.tracks = state.regions.map((region) => ({ id: region.id, label: region.label ?? region.id }));
  if (state.kind === 'final') data.outcome = state.outcome;
  return data;
}

function edge(
  id: string,
  source: string,
  target: string,
  data: SpecEdgeData,
  sourceHandle = 'out',
): SpecEdge {
  return {
    id,
    source,
    target,
    sourceHandle,
    targetHandle: 'in',
    type: data.role === 'timer' ? 'sla' : 'spec',
    markerEnd: { type: 'arrowclosed' as never },
    data,
  };
}

/** The edges leaving one state: its transitions, branches, targeted timers and outcomes. */
function edgesOf(state: StateSpec): SpecEdge[] {
  const out: SpecEdge[] = [];
  const s = state.id;
  if (state.kind === 'decision') {
    state.branches.forEach((branch, i) => {
      const label = branch.label ?? (branch.guard ? branch.guard : 'otherwise');
      const order = state.branches.length > 1 ? { position: i + 1, of: state.branches.length } : undefined;
      out.push(
        edge(branch.id, s, branch.target, {
          role: 'branch',
          stateId: s,
          refId: branch.id,
          label,
          guard: branch.guard,
          order,
        }),
      );
    });
    return out;
  }
  if (state.kind === 'final') return out;
  for (const t of state.on) {
    const label = t.label ?? t.event;
    const peers = state.on.filter((other) => other.event === t.event);
    const order = peers.length > 1 ? { position: peers.indexOf(t) + 1, of: peers.length } : undefined;
    out.push(
      edge(t.id, s, t.target, { role: 'transition', stateId: s, refId: t.id, label, guard: t.guard, order }),
    );
  }
  for (const timer of state.timers) {
    if (timer.target === undefined) continue;
    const data: SpecEdgeData = { role: 'timer', stateId: s, refId: timer.id, label: describeTimer(timer) };
    out.push(edge(`${s}:timer:${timer.id}`, s, timer.target, data));
  }
  if (state.kind === 'approval') {
    const { onApproved, onRejected } = state.approval;
    if (onApproved)
      out.push(
        edge(`${s}:approved`, s, onApproved, { role: 'approved', stateId: s, label: 'approved' }, 'approved'),
      );
    if (onRejected)
      out.push(
        edge(`${s}:rejected`, s, onRejected, { role: 'rejected', stateId: s, label: 'rejected' }, 'rejected'),
      );
  }
  if (state.kind === 'parallel' && state.onDone) {
    out.push(
      edge(`${s}:done`, s, state.onDone, { role: 'done', stateId: s, label: 'all tracks done' }, 'done'),
    );
  }
  return out;
}

/**
 * Derives the React Flow graph from the spec (the single source of truth). Node ids are state ids;
 * edge ids are transition/branch ids, or `<stateId>:timer:<timerId>`, `<stateId>:approved|rejected|done`.
 * States inside a parallel state become child nodes (`parentId`), positioned relative to it.
 */
export function specToFlow(spec: WorkflowSpec): Flow {
  const located = listStates(spec);
  const indexInParent = new Map<string, number>();
  const nodes: StateNode[] = [];
  const byId = new Map<string, StateNode>();
  const badges = anyStateBadges(spec);
  for (const { state, parent } of located) {
    const key = parent ? `${parent.stateId}/${parent.regionId}` : '';
    const index = indexInParent.get(key) ?? 0;
    indexInParent.set(key, index + 1);
    let position = state.position ?? defaultPosition(index, parent !== undefined);
    if (parent && state.position === undefined) {
      const parallel = located.find((l) => l.state.id === parent.stateId)?.state;
      const regionIndex =
        parallel?.kind === 'parallel' ? parallel.regions.findIndex((r) => r.id === parent.regionId) : 0;
      position = { x: position.x, y: PARALLEL_PADDING.top + regionIndex * (NODE_SIZE.height + 40) };
    }
    const data = nodeData(state, !parent && spec.initial === state.id);
    // Decisions are passed through at once and top-level outcomes end the instance: no badge there.
    if (badges?.length && state.kind !== 'decision' && (state.kind !== 'final' || parent))
      data.anyState = badges;
    const node: StateNode = {
      id: state.id,
      type: state.kind,
      position,
      ariaLabel: `${data.label}, ${KIND_WORDS[state.kind]}${data.initial ? ', start' : ''}`,
      data,
      ...(parent ? { parentId: parent.stateId, extent: 'parent' as const } : {}),
    };
    nodes.push(node);
    byId.set(state.id, node);
  }
  sizeParallelNodes(
    located.map((l) => l.state),
    nodes,
    byId,
  );
  return { nodes, edges: located.flatMap(({ state }) => edgesOf(state)) };
}

/** A parallel node is as large as its children's bounding box plus padding (innermost first). */
function sizeParallelNodes(states: StateSpec[], nodes: StateNode[], byId: Map<string, StateNode>): void {
  for (const state of [...states].reverse()) {
    if (state.kind !== 'parallel') continue;
    const children = nodes.filter((n) => n.parentId === state.id);
    const right = Math.max(
      NODE_SIZE.width,
      ...children.map((c) => c.position.x + (c.width ?? NODE_SIZE.width)),
    );
    const bottom = Math.max(
      NODE_SIZE.height,
      ...children.map((c) => c.position.y + (c.height ?? NODE_SIZE.height)),
    );
    const node = byId.get(state.id);
    if (!node) continue;
    node.width = right + PARALLEL_PADDING.right;
    node.height = bottom + PARALLEL_PADDING.bottom;
    node.style = { width: node.width, height: node.height };
  }
}
