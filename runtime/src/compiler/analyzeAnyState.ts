import type { WorkflowSpec } from '../model/index.ts';
import type { Diagnostic } from './diagnostics.ts';

/** The checks `analyze` shares with this one, so ids, targets and guards are judged the same way everywhere. */
export interface AnyStateChecks {
  claimTransitionId: (id: string, path: string) => void;
  checkTarget: (target: string, path: string, stateId: string, transitionId?: string) => void;
  checkExpression: (expr: string, path: string, stateId?: string, transitionId?: string) => void;
  reservedEvents: ReadonlySet<string>;
}

/**
 * Checks the workflow-level transitions (`anyState`): unique ids, known targets, readable guards, no
 * built-in events, one unguarded transition per event. Their `stateId` is the target, so the designer
 * can select something on the canvas.
 */
export function analyzeAnyState(spec: WorkflowSpec, out: Diagnostic[], checks: AnyStateChecks): void {
  const unguarded = new Set<string>();
  (spec.anyState ?? []).forEach((t, i) => {
    const at = `anyState[${i}]`;
    checks.claimTransitionId(t.id, at);
    checks.checkTarget(t.target, `${at}.target`, t.target, t.id);
    if (checks.reservedEvents.has(t.event)) {
      out.push({
        path: `${at}.event`,
        severity: 'error',
        code: 'RESERVED_EVENT',
        message: `${t.event} is a built-in event of Hireflow (context updates and approvals); use another event name.`,
        transitionId: t.id,
      });
    }
    if (t.guard) checks.checkExpression(t.guard, `${at}.guard`, undefined, t.id);
    else if (unguarded.has(t.event)) {
      out.push({
        path: at,
        severity: 'error',
        code: 'AMBIGUOUS_TRANSITION',
        message: `Two transitions from any state on ${t.event} have no condition; add a condition to one so it is clear which applies.`,
        transitionId: t.id,
      });
    } else unguarded.add(t.event);
  });
}
