import { formatDuration, type NotificationFacts } from './notificationFacts.ts';

/** A rendered email: subject, plain text and HTML of the same content. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The short line every channel leads with. */
export function notificationTitle(facts: NotificationFacts): string {
  return `${facts.workflowName} · ${facts.subjectRef} · ${facts.state}`;
}

/** The facts as label/value rows, shared by email, chat and in-app so they never disagree. */
export function factRows(facts: NotificationFacts): [string, string][] {
  return [
    ['Candidate ref', facts.subjectRef],
    ['Workflow', facts.workflowName],
    ['State', facts.state],
    ['In this state for', formatDuration(facts.inStateMs)],
  ];
}

/** One notification as an email (plain text + HTML; the HTML escapes every value). */
export function renderNotificationMail(facts: NotificationFacts): RenderedMail {
  const rows = factRows(facts);
  const text = [
    facts.message,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    `Open: ${facts.link}`,
    '',
    '— Hireflow. You get this because of your role in this business unit; change how you are notified in Hireflow.',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif">',
    `<p>${escapeHtml(facts.message)}</p>`,
    '<table cellpadding="4">',
    ...rows.map(
      ([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    ),
    '</table>',
    `<p><a href="${escapeHtml(facts.link)}">Open in Hireflow</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: `[Hireflow] ${facts.message.slice(0, 120)} — ${facts.subjectRef}`, text, html };
}

/** One digest email holding several notifications (each with its link). */
export function renderDigestMail(
  items: { title: string; body: string; link: string | null }[],
): RenderedMail {
  const text = [
    `Your Hireflow digest: ${items.length} notification${items.length === 1 ? '' : 's'}`,
    '',
    ...items.flatMap((i) => [`• ${i.title}`, `  ${i.body}`, ...(i.link ? [`  ${i.link}`] : []), '']),
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif">',
    `<p>Your Hireflow digest: ${items.length} notification${items.length === 1 ? '' : 's'}</p><ul>`,
    ...items.map(
      (i) =>
        `<li><strong>${escapeHtml(i.title)}</strong><br>${escapeHtml(i.body)}${
          i.link ? `<br><a href="${escapeHtml(i.link)}">Open</a>` : ''
        }</li>`,
    ),
    '</ul></body></html>',
  ].join('\n');
  return { subject: `[Hireflow] Daily digest (${items.length})`, text, html };
}
