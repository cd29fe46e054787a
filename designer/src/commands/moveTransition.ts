import type { StateSpec } from '@hireflow/runtime/model';

/** Where to move a transition among those the engine tries for the same event. */
export type TransitionMove = 'earlier' | 'later' | { before: string };

interface Ordered {
  id: string;
  event?: string;
}

/** Ids of the transitions tried for the same event as `id` (a decision's branches all count), in order. */
export function sameEventOrder(state: StateSpec, id: string): string[] {
  const list: Ordered[] = state.kind === 'decision' ? state.branches : state.kind === 'final' ? [] : state.on;
  const event = list.find((t) => t.id === id)?.event;
  return list.filter((t) => t.event === event).map((t) => t.id);
}

function reorder<T extends Ordered>(list: readonly T[], id: string, move: TransitionMove): T[] | undefined {
  const index = list.findIndex((t) => t.id === id);
  const item = list[index];
  if (!item) return undefined;
  const peers = list.map((t, i) => [t, i] as const).filter(([t]) => t.event === item.event);
  const at = peers.findIndex(([t]) => t.id === id);
  const target =
    move === 'earlier'
      ? peers[at - 1]
      : move === 'later'
        ? peers[at + 1]
        : peers.find(([t]) => t.id === move.before);
  if (!target || target[0].id === id) return undefined;
  if (move === 'earlier' || move === 'later') {
    // Swap the two slots: transitions on other events keep their places.
    const swapped = [...list];
    swapped[index] = target[0];
    swapped[target[1]] = item;
    return swapped;
  }
  const without = list.filter((t) => t.id !== id);
  const anchor = without.findIndex((t) => t.id === target[0].id);
  return [...without.slice(0, anchor), item, ...without.slice(anchor)];
}

/**
 * Moves a transition (or decision branch) earlier or later among those on the same event, or right
 * before another one: the engine takes the first whose condition holds, so order decides which arrow
 * fires. Other events keep their places. Returns undefined when there is nothing to move.
 */
export function moveTransition(state: StateSpec, id: string, move: TransitionMove): StateSpec | undefined {
  if (state.kind === 'decision') {
    const branches = reorder(state.branches, id, move);
    return branches ? { ...state, branches } : undefined;
  }
  if (state.kind === 'final') return undefined;
  const on = reorder(state.on, id, move);
  return on ? { ...state, on } : undefined;
}
