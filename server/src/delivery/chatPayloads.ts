import type { NotificationFacts } from './notificationFacts.ts';
import { factRows, notificationTitle } from './renderNotification.ts';

/** Slack's `mrkdwn` treats these as control characters. */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Slack incoming-webhook body: `text` (fallback, notifications) and Block Kit `blocks`. */
export function slackPayload(facts: NotificationFacts) {
  const title = notificationTitle(facts);
  return {
    text: `${facts.message} — ${title}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${slackEscape(facts.message)}*` } },
      {
        type: 'section',
        fields: factRows(facts).map(([label, value]) => ({
          type: 'mrkdwn',
          text: `*${slackEscape(label)}*\n${slackEscape(value)}`,
        })),
      },
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Open in Hireflow' }, url: facts.link },
        ],
      },
    ],
  };
}

/** A Microsoft Teams incoming-webhook body: an Adaptive Card in a `message` attachment. */
export function teamsPayload(facts: NotificationFacts) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: facts.message, weight: 'Bolder', wrap: true },
            {
              type: 'FactSet',
              facts: factRows(facts).map(([title, value]) => ({ title, value })),
            },
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open in Hireflow', url: facts.link }],
        },
      },
    ],
  };
}
