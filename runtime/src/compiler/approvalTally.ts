import type { Recipient } from '../model/index.ts';

/** Who acts: the engine puts this on every event. */
export interface Actor {
  id: string;
  role: string;
}

export interface ApprovalDecision {
  actorId: string;
  role: string;
  /** When a delegate decides, the approver they stand in for. */
  onBehalfOf?: Actor | undefined;
  decision: 'approve' | 'reject';
  at: string;
  comment?: string | undefined;
}

export interface Delegation {
  from: Actor;
  to: string;
  at: string;
}

export type StepStatus = 'pending' | 'approved' | 'rejected' | 'skipped';

/** What `$approvals[state].steps[step]` holds in the instance context. */
export interface StepRecord {
  status: StepStatus;
  decisions: ApprovalDecision[];
  delegations: Delegation[];
  /** Why a step was reopened: the watched field that changed, with before/after values. */
  reopened?: { field: string; before: unknown; after: unknown }[] | undefined;
}

export interface StepRule {
  approvers: Recipient[];
  mode: 'all' | 'any' | 'quorum';
  quorum?: number | undefined;
}

export const emptyStep = (): StepRecord => ({ status: 'pending', decisions: [], delegations: [] });

export const matches = (actor: Actor, recipient: Recipient): boolean =>
  'role' in recipient ? recipient.role === actor.role : recipient.user === actor.id;

/** The identity a decision counts for: the delegator when a delegate decided. */
const effective = (d: ApprovalDecision): Actor => d.onBehalfOf ?? { id: d.actorId, role: d.role };

/**
 * Whom `actor` may decide for on this step: themselves when they match an approver entry and have not
 * delegated, or the approver who delegated to them. Undefined when they may not decide.
 */
export function eligibleAs(actor: Actor, rule: StepRule, record: StepRecord): Actor | undefined {
  const decided = new Set(record.decisions.map((d) => effective(d).id));
  const delegatedAway = new Set(record.delegations.map((d) => d.from.id));
  if (
    rule.approvers.some((r) => matches(actor, r)) &&
    !delegatedAway.has(actor.id) &&
    !decided.has(actor.id)
  ) {
    return actor;
  }
  const delegation = [...record.delegations]
    .reverse()
    .find((d) => d.to === actor.id && !decided.has(d.from.id));
  return delegation?.from;
}

/** Assigns distinct approvers to approver entries (augmenting paths), for `all` mode. */
function everyEntryCovered(entries: Recipient[], approvers: Actor[]): boolean {
  const owner = new Map<number, number>();
  const tryAssign = (entry: number, seen: Set<number>): boolean => {
    for (let a = 0; a < approvers.length; a++) {
      const approver = approvers[a];
      if (!approver || seen.has(a) || !matches(approver, entries[entry] as Recipient)) continue;
      seen.add(a);
      const current = owner.get(a);
      if (current === undefined || tryAssign(current, seen)) {
        owner.set(a, entry);
        return true;
      }
    }
    return false;
  };
  return entries.every((_, entry) => tryAssign(entry, new Set()));
}

function distinct(decisions: ApprovalDecision[], kind: 'approve' | 'reject'): Actor[] {
  const byId = new Map<string, Actor>();
  for (const d of decisions) if (d.decision === kind) byId.set(effective(d).id, effective(d));
  return [...byId.values()];
}

/** True when the step's approvals satisfy its mode: each entry (`all`), one person (`any`), n people (`quorum`). */
export function isStepApproved(rule: StepRule, record: StepRecord): boolean {
  const approvals = distinct(record.decisions, 'approve');
  if (rule.mode === 'any') return approvals.length >= 1 && distinct(record.decisions, 'reject').length === 0;
  if (rule.mode === 'quorum') return approvals.length >= (rule.quorum ?? 1);
  return everyEntryCovered(rule.approvers, approvals);
}

/**
 * True when the step is rejected: any rejection in `all` and `any` mode; in `quorum` mode when as many
 * people rejected as the quorum, or, for a list of named people, when the quorum can no longer be reached.
 */
export function isStepRejected(rule: StepRule, record: StepRecord): boolean {
  const rejections = distinct(record.decisions, 'reject').length;
  if (rule.mode !== 'quorum') return rejections > 0;
  const quorum = rule.quorum ?? 1;
  if (rejections >= quorum) return true;
  const named = rule.approvers.every((r) => 'user' in r);
  return named && rule.approvers.length - rejections < quorum;
}
