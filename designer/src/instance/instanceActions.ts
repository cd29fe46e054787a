import { findState, listStates, type TransitionSpec, type WorkflowSpec } from '@hireflow/runtime/model';

/** One thing a person can do to an instance now, named as the workflow names it. */
export interface InstanceAction {
  event: string;
  label: string;
  requiresNote: boolean;
  /** Empty = anyone with access. */
  allowedRoles: string[];
}

/** Events the engine handles itself (context updates, approval decisions): not buttons of this page. */
const BUILT_IN = /^(UPDATE_CONTEXT|APPROVAL\.)/;

/**
 * The actions for the events the server says are enabled, labelled from the version that runs the
 * instance: the active states' own transitions first, then the workflow's transitions from any state
 * (the order in which the engine picks them).
 */
export function instanceActions(
  spec: WorkflowSpec | undefined,
  activeStates: readonly string[],
  enabledEvents: readonly string[],
): InstanceAction[] {
  const candidates: TransitionSpec[] = [];
  if (spec) {
    const located = listStates(spec);
    for (const active of activeStates) {
      // An approval reports its current step as `<stateId>:<stepId>`; the transitions are the state's.
      const id = active.split(':')[0] ?? active;
      const here = located.find((l) => l.state.id === id);
      const state = here?.state;
      if (state && state.kind !== 'final' && state.kind !== 'decision') candidates.push(...state.on);
      // Nested states also answer their parallel state's transitions.
      const outer = here?.parent ? findState(spec, here.parent.stateId)?.state : undefined;
      if (outer?.kind === 'parallel') candidates.push(...outer.on);
    }
    candidates.push(...(spec.anyState ?? []));
  }
  return enabledEvents
    .filter((event) => !BUILT_IN.test(event))
    .map((event) => {
      const t = candidates.find((c) => c.event === event);
      return {
        event,
        label: t?.label ?? event.charAt(0) + event.slice(1).toLowerCase().replaceAll('_', ' '),
        requiresNote: t?.requiresNote ?? false,
        allowedRoles: t?.allowedRoles ?? [],
      };
    });
}

/** Timers due before `now`: what is overdue. */
export function overdueTimers<T extends { dueAt: string }>(timers: readonly T[], now: number): T[] {
  return timers.filter((t) => Date.parse(t.dueAt) <= now);
}

/**
 * What a running timer is about, from what the server sends (`delayName` is `timer:<stateId>:<timerId>`,
 * approval steps `timer:<stateId>:<stepId>:timeout`; `label` when the workflow gave one).
 */
export function describeRunningTimer(timer: { delayName: string; label?: string | undefined }): {
  stateId: string;
  label: string;
} {
  const [, stateId = '', ...rest] = timer.delayName.split(':');
  return { stateId, label: timer.label ?? rest.join(' ').replaceAll('_', ' ') };
}
