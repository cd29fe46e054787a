import type { BranchSpec, StateSpec, TransitionSpec } from '../model/index.ts';
import type { Diagnostic } from './diagnostics.ts';

/** A guard as written, for comparing: whitespace outside string literals does not change it. */
function normalizeGuard(guard: string | undefined): string | undefined {
  if (guard === undefined) return undefined;
  const parts = guard.split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/);
  return parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/\s+/g, ''))).join('');
}

/** Why an earlier transition always wins over a later one on the same event, or undefined. */
function shadowReason(earlier: string | undefined, later: string | undefined): string | undefined {
  if (earlier === undefined) return 'has no condition';
  if (earlier === 'true') return 'has the condition "true"';
  if (later !== undefined && earlier === later) return 'has the same condition';
  return undefined;
}

type Candidate = Pick<TransitionSpec, 'id' | 'label' | 'guard'> & { event?: string };

const name = (t: Candidate) => `"${t.label ?? t.id}"`;

/**
 * Transitions that can never fire because an earlier one on the same event in the same state is
 * always taken first (the engine and xstate take the first transition whose condition holds, in
 * document order): after one without a condition, one with `true`, or one with the same condition.
 * A later transition without a condition after an unguarded one is AMBIGUOUS_TRANSITION instead.
 */
export function findShadowedTransitions(state: StateSpec, path: string): Diagnostic[] {
  const label = `"${state.label ?? state.id}"`;
  if (state.kind === 'decision') return shadowedIn(state.branches, `${path}.branches`, state.id, label);
  if (state.kind === 'final') return [];
  return shadowedIn(state.on, `${path}.on`, state.id, label);
}

function shadowedIn(
  transitions: readonly (TransitionSpec | BranchSpec)[],
  path: string,
  stateId: string,
  stateLabel: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  transitions.forEach((later, i) => {
    const event = 'event' in later ? later.event : undefined;
    const laterGuard = normalizeGuard(later.guard);
    for (const earlier of transitions.slice(0, i)) {
      if (('event' in earlier ? earlier.event : undefined) !== event) continue;
      const reason = shadowReason(normalizeGuard(earlier.guard), laterGuard);
      // Two transitions without a condition: AMBIGUOUS_TRANSITION already says so.
      if (!reason || (earlier.guard === undefined && later.guard === undefined)) continue;
      const on = event ? ` on ${event}` : '';
      const fix =
        earlier.guard === undefined
          ? `move ${name(later)} above ${name(earlier)}, or add a condition to ${name(earlier)}`
          : `move ${name(later)} above ${name(earlier)}, or change one of the conditions`;
      out.push({
        path: `${path}[${i}]`,
        severity: 'error',
        code: 'TRANSITION_SHADOWED',
        message: `In ${stateLabel}, ${name(later)}${on} can never fire: the earlier ${name(earlier)} ${reason} and is always taken first. Fix: ${fix}.`,
        stateId,
        transitionId: later.id,
        shadowedBy: earlier.id,
      });
      break;
    }
  });
  return out;
}
