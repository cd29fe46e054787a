import type { ActionSpec, Duration, Recipient, TimerSpec } from '@hireflow/runtime/model';

const UNIT_WORDS: Record<Duration['unit'], [string, string]> = {
  businessDays: ['business day', 'business days'],
  businessHours: ['business hour', 'business hours'],
  days: ['day', 'days'],
  hours: ['hour', 'hours'],
  minutes: ['minute', 'minutes'],
};

/** "3 business days". */
export function describeDuration(duration: Duration): string {
  const [one, many] = UNIT_WORDS[duration.unit];
  return `${duration.amount} ${duration.amount === 1 ? one : many}`;
}

/** "recruiter", "user:ana@acme.test" → readable recipient. */
export function describeRecipient(recipient: Recipient): string {
  return 'role' in recipient ? recipient.role.replaceAll('_', ' ') : recipient.user;
}

/** Short words for one action: "notify recruiter", "reassign to hrbp". */
export function describeAction(action: ActionSpec): string {
  switch (action.type) {
    case 'notify':
      return `notify ${action.to.map(describeRecipient).join(', ')}`;
    case 'assignOwner':
      return `reassign to ${describeRecipient(action.to)}`;
    case 'webhook':
      return `webhook ${action.event}`;
    case 'setField':
      return `set ${action.field}`;
    case 'openTicket':
      return `open ${action.severity} ticket`;
  }
}

/** "3 business days → notify recruiter" (the SLA edge and badge label). */
export function describeTimer(timer: TimerSpec): string {
  const what = timer.actions.map(describeAction);
  const head =
    timer.kind === 'deadline' && timer.from
      ? `${describeDuration(timer.after)} after ${timer.from}`
      : describeDuration(timer.after);
  return what.length > 0 ? `${head} → ${what.join(', ')}` : head;
}
