import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishChange, publishedHiring } from '../testing/hiringWorkflow.ts';
import type { HttpClient } from '../testing/httpClient.ts';
import { eventually, type MailCatcher, startHookReceiver, startMailCatcher } from '../testing/mailCatcher.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

/**
 * Issue 10's "done when", over HTTP: an SLA ladder in a sandbox switched to `deliver`, the server's
 * SMTP pointed at a real local mail server and a Slack channel at a real loopback receiver. The
 * sandbox clock moves the instance up the ladder: a real email at the 3-day rung, a Slack-format POST
 * at the 5-day rung, a ticket instance at the deadline.
 */
let mail: MailCatcher;
let slack: Awaited<ReturnType<typeof startHookReceiver>>;
let t: TestServer;
let recruiter: HttpClient;

interface Effect {
  id: string;
  type: string;
  status: string;
  payload: { message?: string };
}

beforeAll(async () => {
  mail = await startMailCatcher();
  slack = await startHookReceiver();
  t = await startTestServer({
    deliveryIntervalMs: 50,
    deliveryEnv: {
      HIREFLOW_SMTP_URL: mail.url,
      HIREFLOW_MAIL_FROM: 'Hireflow <hireflow@test.io>',
      HIREFLOW_PUBLIC_URL: 'https://hireflow.example.com/',
      HIREFLOW_OUTBOUND_ALLOW: '127.0.0.1',
    },
  });
  recruiter = await t.signIn(['recruiter'], ['emea'], 'rita');
}, 30_000);
afterAll(async () => {
  await t.close();
  await mail.close();
  await slack.close();
});

async function sandboxEffects(name: string, instanceId: string): Promise<Effect[]> {
  const answer = await t.admin.get<{ items: Effect[] }>(
    `/api/sandboxes/${name}/effects?instanceId=${instanceId}`,
  );
  return answer.body.items;
}

describe('an SLA ladder in a delivering sandbox', () => {
  it('mails at 3 days, posts to Slack at 5, opens a ticket at the deadline', async () => {
    const ticket = await t.admin.post<{ workflow: { id: string }; draft: { revision: number } }>(
      '/api/templates/candidate-problem-ticket/fork',
      { businessUnit: 'emea' },
    );
    const ticketId = ticket.body.workflow.id;
    await t.admin.post(`/api/workflows/${ticketId}/publish`, {
      changelog: 'v1',
      baseRevision: ticket.body.draft.revision,
    });
    const workflowId = await publishedHiring(t.admin, 'emea');
    await publishChange(t.admin, workflowId, (spec) => {
      const screen = (spec.states as { id: string; timers?: unknown[] }[]).find(
        (s) => s.id === 'recruiter_screen',
      );
      screen?.timers?.push({
        id: 'deadline',
        kind: 'deadline',
        label: 'Screen deadline',
        after: { amount: 6, unit: 'businessDays' },
        actions: [
          { type: 'openTicket', workflowId: ticketId, severity: 'sev2', summary: 'Screen deadline passed' },
        ],
      });
      return spec;
    });

    const refused = await t.admin.post('/api/chat-channels', {
      businessUnit: 'emea',
      name: 'ta-leads',
      kind: 'slack',
      url: 'http://169.254.169.254/latest/meta-data',
      roles: ['ta_manager'],
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ errors: [{ path: 'url' }] });
    const channel = await t.admin.post('/api/chat-channels', {
      businessUnit: 'emea',
      name: 'ta-leads',
      kind: 'slack',
      url: slack.url,
      roles: ['ta_manager'],
    });
    expect(channel.status).toBe(201);
    expect(JSON.stringify(channel.body)).not.toContain('/hooks/slack');

    await t.admin.post('/api/sandboxes', { name: 'rehearsal', start: '2026-03-02T10:00:00.000Z' });
    expect(
      (await recruiter.put('/api/sandboxes/rehearsal/delivery', { deliveryMode: 'deliver' })).status,
    ).toBe(403);
    const mode = await t.admin.put('/api/sandboxes/rehearsal/delivery', { deliveryMode: 'deliver' });
    expect(mode.body).toEqual({ name: 'rehearsal', deliveryMode: 'deliver' });
    for (const id of [ticketId, workflowId])
      await t.admin.post('/api/sandboxes/rehearsal/publish', { workflowId: id });
    const synthetic = await t.admin.post<{ items: { id: string; subjectId: string }[] }>(
      '/api/sandboxes/rehearsal/synthetic',
      { workflowId, count: 1, seed: 3 },
    );
    const instance = synthetic.body.items[0];
    if (!instance) throw new Error(JSON.stringify(synthetic.body));
    const moved = await t.admin.post(`/api/sandboxes/rehearsal/instances/${instance.id}/events`, {
      type: 'ADVANCE',
      actAs: 'recruiter',
    });
    expect(moved.status).toBe(200);

    // 3-day rung: the mail server holds its answer, so the effect is pending until it accepts.
    mail.hold();
    await t.admin.post('/api/sandboxes/rehearsal/clock', { amount: 3, unit: 'businessDays', workflowId });
    const remind = await eventually(async () =>
      (await sandboxEffects('rehearsal', instance.id)).find((e) =>
        e.payload.message?.includes('3 business days'),
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect((await sandboxEffects('rehearsal', instance.id)).find((e) => e.id === remind.id)?.status).toBe(
      'pending',
    );
    expect(mail.mails).toHaveLength(0);
    mail.release();
    const first = await mail.waitFor(1);
    await eventually(async () =>
      (await sandboxEffects('rehearsal', instance.id)).find(
        (e) => e.id === remind.id && e.status === 'delivered',
      ),
    );
    expect(first.subject).toContain(instance.subjectId);
    expect(first.to && !Array.isArray(first.to) ? first.to.text : '').toMatch(/^rita-\d+@test\.io$/);
    const link = `https://hireflow.example.com/#/sandboxes/rehearsal/instances/${instance.id}`;
    for (const part of [
      instance.subjectId,
      'recruiter_screen',
      '3 days',
      link,
      'Recruiter screen: no movement',
    ])
      expect(first.text).toContain(part);
    expect(first.html).toContain(`href="${link}"`);
    expect(first.html).toContain(instance.subjectId);
    expect(slack.received).toHaveLength(0);

    // 5-day rung: the TA-manager escalation reaches the Slack channel subscribed to ta_manager.
    await t.admin.post('/api/sandboxes/rehearsal/clock', { amount: 2, unit: 'businessDays', workflowId });
    const post = await eventually(async () => slack.received[0]);
    expect(post.path).toBe('/hooks/slack');
    const body = post.body as { text: string; blocks: { type: string }[] };
    expect(body.text).toContain('over SLA (5 business days)');
    expect(body.text).toContain(instance.subjectId);
    expect(body.blocks.map((b) => b.type)).toEqual(['section', 'section', 'actions']);
    expect(JSON.stringify(body.blocks)).toContain(link);
    await eventually(async () =>
      (await sandboxEffects('rehearsal', instance.id)).every((e) => e.status === 'delivered')
        ? true
        : undefined,
    );

    // Deadline: a ticket instance opens in the sandbox, linked to the candidate's instance.
    await t.admin.post('/api/sandboxes/rehearsal/clock', { amount: 1, unit: 'businessDays', workflowId });
    const tickets = await eventually(async () => {
      const listed = await t.admin.get<{ items: { id: string }[] }>(
        `/api/sandboxes/rehearsal/instances?workflowId=${ticketId}`,
      );
      return listed.body.items.length > 0 ? listed.body.items : undefined;
    });
    expect(tickets).toHaveLength(1);
    const effects = await sandboxEffects('rehearsal', instance.id);
    expect(effects.find((e) => e.type === 'hireflow.openTicket')?.status).toBe('delivered');

    // A sandbox left in the default capture mode sends nothing, whatever its clock does.
    await t.admin.post('/api/sandboxes', { name: 'dry-run', start: '2026-03-02T10:00:00.000Z' });
    await t.admin.post('/api/sandboxes/dry-run/publish', { workflowId });
    const dry = await t.admin.post<{ items: { id: string }[] }>('/api/sandboxes/dry-run/synthetic', {
      workflowId,
      count: 1,
      seed: 4,
    });
    const dryId = dry.body.items[0]?.id ?? '';
    await t.admin.post(`/api/sandboxes/dry-run/instances/${dryId}/events`, {
      type: 'ADVANCE',
      actAs: 'recruiter',
    });
    await t.admin.post('/api/sandboxes/dry-run/clock', { amount: 6, unit: 'businessDays', workflowId });
    await new Promise((r) => setTimeout(r, 500));
    expect((await sandboxEffects('dry-run', dryId)).map((e) => e.status)).toEqual([
      'captured',
      'captured',
      'captured',
    ]);
    expect(mail.mails).toHaveLength(2); // the rehearsal's 3-day and 5-day reminders to the recruiter
    expect(slack.received).toHaveLength(1);

    // Switching it to deliver afterwards sends only what it does from then on: what it captured stays.
    await t.admin.put('/api/sandboxes/dry-run/delivery', { deliveryMode: 'deliver' });
    await new Promise((r) => setTimeout(r, 800));
    expect((await sandboxEffects('dry-run', dryId)).map((e) => e.status)).toEqual([
      'captured',
      'captured',
      'captured',
    ]);
    expect(mail.mails).toHaveLength(2);
    expect(slack.received).toHaveLength(1);

    // The recruiter sees the reminders in-app too.
    const mine = await recruiter.get<{ unread: number; items: { title: string }[] }>('/api/notifications');
    expect(mine.body.unread).toBe(2);
    expect(mine.body.items[0]?.title).toContain(instance.subjectId);
  }, 60_000);
});
