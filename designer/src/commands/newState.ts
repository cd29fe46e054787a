import type { StateKind, StateSpec } from '@hireflow/runtime/model';
import { uniqueId } from '../spec/specTree.ts';

/** The placeholder name of a state just created from the palette. */
export const NEW_STATE_LABELS: Record<StateKind, string> = {
  milestone: 'New milestone',
  approval: 'New approval',
  decision: 'New decision',
  parallel: 'New parallel stage',
  final: 'New outcome',
};

/**
 * A fresh state of `kind` with a unique id. References the user still has to draw (an approval's
 * outcomes, a parallel state's "done" target) are left empty so the validation panel asks for them.
 */
export function newState(kind: StateKind, position: { x: number; y: number }, taken: Set<string>): StateSpec {
  const id = uniqueId(kind === 'final' ? 'outcome' : kind, taken);
  const common = { id, label: NEW_STATE_LABELS[kind], position, entry: [], exit: [] };
  switch (kind) {
    case 'milestone':
      return { ...common, kind, on: [], timers: [] };
    case 'final':
      return { ...common, kind, outcome: 'completed' };
    case 'decision':
      return { ...common, kind, branches: [] };
    case 'approval':
      return {
        ...common,
        kind,
        on: [],
        timers: [],
        approval: {
          steps: [
            {
              id: uniqueId(`${id}_step`, taken),
              approvers: [{ role: 'hiring_manager' }],
              mode: 'all',
              watches: [],
            },
          ],
          onApproved: '',
          onRejected: '',
          allowDelegation: true,
          allowOverride: true,
        },
      };
    case 'parallel': {
      const track = (name: string, y: number) => {
        const start = uniqueId(`${id}_${name}`, taken);
        const done = uniqueId(`${id}_${name}_done`, taken);
        return {
          id: uniqueId(`${id}_${name}_track`, taken),
          label: `Track ${name.toUpperCase()}`,
          initial: start,
          states: [
            {
              kind: 'milestone' as const,
              id: start,
              label: `Track ${name.toUpperCase()}`,
              position: { x: 24, y },
              entry: [],
              exit: [],
              on: [
                {
                  id: uniqueId(`${start}_done`, taken),
                  event: 'DONE',
                  target: done,
                  actions: [],
                  requiresNote: false,
                  allowedRoles: [],
                },
              ],
              timers: [],
            },
            {
              kind: 'final' as const,
              id: done,
              label: 'Done',
              position: { x: 264, y },
              entry: [],
              exit: [],
              outcome: 'completed' as const,
            },
          ],
        };
      };
      return { ...common, kind, on: [], timers: [], regions: [track('a', 64), track('b', 188)], onDone: '' };
    }
  }
}
