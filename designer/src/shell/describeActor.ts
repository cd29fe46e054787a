import type { Actor } from '../api/apiTypes.ts';

const ROLE_WORDS: Record<string, string> = {
  admin: 'Admin',
  designer: 'Designer',
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
  hrbp: 'HR business partner',
  approver: 'Approver',
  auditor: 'Auditor',
  system: 'System',
};

const VIA_WORDS: Record<string, string> = {
  designer: 'in the designer',
  api: 'over the API',
  webhook: 'from an ATS webhook',
  scheduler: 'by a timer',
  system: 'by Hireflow',
};

/**
 * Who did a step, in words: role first, then the account (audit entries hold pseudonymous user ids,
 * not names, so erasing a person never touches the chain), then how.
 */
export function describeActor(actor: Pick<Actor, 'id' | 'role' | 'via'>): string {
  const role = ROLE_WORDS[actor.role] ?? actor.role.replaceAll('_', ' ');
  if (actor.via === 'scheduler') return `Timer (${VIA_WORDS.scheduler})`;
  return `${role} ${actor.id} ${VIA_WORDS[actor.via] ?? `via ${actor.via}`}`;
}
