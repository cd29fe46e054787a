import type { Effect } from '@hireflow/runtime/step';

type Recipient = { role: string } | { user: string };

const who = (r: Recipient) => ('role' in r ? `everyone with the role ${r.role}` : `the user ${r.user}`);
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? 'nobody') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** An outbox effect the engine would queue, in words for the simulation log ("Notified …"). */
export function describeEffect(effect: Effect): string {
  const p = effect.params;
  switch (effect.type) {
    case 'hireflow.notify':
      return `Notified ${list(((p.to as Recipient[] | undefined) ?? []).map(who))}: “${String(p.message ?? '')}”`;
    case 'hireflow.webhook':
      return `Called the webhook ${String(p.event ?? '')} at ${String(p.url ?? '')}`;
    case 'hireflow.openTicket':
      return `Opened a ${String(p.severity ?? '')} ticket in ${String(p.workflowId ?? '')}: “${String(p.summary ?? '')}”`;
    case 'hireflow.assignOwner':
      return `Made ${p.to ? who(p.to as Recipient) : 'nobody'} the owner`;
    default:
      return effect.type.replace('hireflow.', '');
  }
}
