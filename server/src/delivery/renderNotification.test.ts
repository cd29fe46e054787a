import { describe, expect, it } from 'vitest';
import { slackPayload, teamsPayload } from './chatPayloads.ts';
import type { NotificationFacts } from './notificationFacts.ts';
import { renderNotificationMail } from './renderNotification.ts';

const facts: NotificationFacts = {
  instanceId: 'i-1',
  businessUnit: 'emea',
  subjectRef: 'sub_abc',
  workflowName: 'Hiring <R&D>',
  state: 'recruiter_screen',
  inStateMs: 3 * 86_400_000 + 2 * 3_600_000,
  message: 'Screen: <b>3 days</b>',
  link: 'https://hireflow.example.com/#/instances/i-1',
  to: [{ role: 'recruiter' }],
  dedupeKey: 'i-1|recruiter_screen|x',
};

describe('renderNotificationMail', () => {
  it('names the pseudonymous ref, workflow, state, time in state and link, in text and HTML', () => {
    const mail = renderNotificationMail(facts);
    for (const part of ['sub_abc', 'Hiring <R&D>', 'recruiter_screen', '3 days 2 hours', facts.link])
      expect(mail.text).toContain(part);
    expect(mail.subject).toContain('sub_abc');
  });

  it('escapes every value in the HTML', () => {
    const { html } = renderNotificationMail(facts);
    expect(html).toContain('Hiring &lt;R&amp;D&gt;');
    expect(html).toContain('Screen: &lt;b&gt;3 days&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });
});

describe('chat payloads', () => {
  it('Slack: text fallback and blocks with the facts and a link button', () => {
    const body = slackPayload(facts);
    expect(body.text).toContain('sub_abc');
    expect(JSON.stringify(body.blocks)).toContain('Hiring &lt;R&amp;D&gt;');
    expect(body.blocks[2]).toMatchObject({ type: 'actions', elements: [{ url: facts.link }] });
  });

  it('Teams: an Adaptive Card with the facts and an OpenUrl action', () => {
    const card = teamsPayload(facts).attachments[0]?.content;
    expect(card?.type).toBe('AdaptiveCard');
    expect(card?.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in Hireflow', url: facts.link }]);
    expect(JSON.stringify(card?.body)).toContain('sub_abc');
  });
});
