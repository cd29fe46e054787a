import type { StateValue } from 'xstate';
import type { MachineDefinition, StateNodeJson } from '../compiler/index.ts';

/**
 * Ids of the active state nodes for a state value, deepest first, ending with the root (`''`) — the
 * order in which xstate looks for a transition.
 */
export function activeNodeIds(definition: MachineDefinition, value: StateValue): string[] {
  const out: string[] = [];
  const visit = (node: StateNodeJson, v: StateValue) => {
    if (typeof v === 'string') {
      const child = node.states?.[v];
      if (child) out.push(child.id);
      return;
    }
    for (const [key, sub] of Object.entries(v)) {
      const child = node.states?.[key];
      if (!child) continue;
      if (sub !== undefined) visit(child, sub as StateValue);
      out.push(child.id);
    }
  };
  visit(definition, value);
  out.push('');
  return out;
}

/** Leaf state ids of a state value (the "current states" a user sees), sorted. */
export function leafStateIds(definition: MachineDefinition, value: StateValue): string[] {
  const leaves: string[] = [];
  const visit = (node: StateNodeJson, v: StateValue) => {
    if (typeof v === 'string') {
      const child = node.states?.[v];
      if (child) leaves.push(child.id);
      return;
    }
    const entries = Object.entries(v);
    for (const [key, sub] of entries) {
      const child = node.states?.[key];
      if (!child) continue;
      if (sub === undefined || (typeof sub === 'object' && Object.keys(sub).length === 0))
        leaves.push(child.id);
      else visit(child, sub as StateValue);
    }
  };
  visit(definition, value);
  return leaves.sort();
}
