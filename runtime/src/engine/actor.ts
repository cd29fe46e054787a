/** Who sends an event, through which door, and which business units they may touch. */
export interface EngineActor {
  id: string;
  role: string;
  via: 'api' | 'designer' | 'webhook' | 'cli' | 'system' | 'sandbox';
  /** `'*'` = every unit (admins, auditors, the system). */
  businessUnits: readonly string[] | '*';
  /** May see confidential workflows (executive hires); admins, auditors and HRBPs always may. */
  confidentialAccess?: boolean | undefined;
}

/** The actor the scheduler uses to fire timers. */
export const TIMER_ACTOR: EngineActor = {
  id: 'system:timer',
  role: 'system',
  via: 'system',
  businessUnits: '*',
};

export const canSeeUnit = (actor: EngineActor, businessUnit: string): boolean =>
  actor.businessUnits === '*' || actor.businessUnits.includes(businessUnit);

/** The part of the actor recorded in audit entries (no business units, no PII). */
export const auditActor = (actor: EngineActor) => ({ id: actor.id, role: actor.role, via: actor.via });

const CONFIDENTIAL_ROLES = new Set(['admin', 'auditor', 'hrbp', 'system']);

/** May this actor see instances of a confidential workflow? */
export const canSeeConfidential = (actor: EngineActor): boolean =>
  actor.confidentialAccess === true || CONFIDENTIAL_ROLES.has(actor.role);

/** Object-level access: the business unit, and confidentiality of the workflow. */
export const canSeeInstance = (
  actor: EngineActor,
  businessUnit: string,
  confidential: boolean | undefined,
): boolean => canSeeUnit(actor, businessUnit) && (!confidential || canSeeConfidential(actor));
