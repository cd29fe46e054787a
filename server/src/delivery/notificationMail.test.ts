import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordNotification, savePreferences } from '../db/notifications.ts';
import { getUserByEmail } from '../db/users.ts';
import { ManualClock } from '../runtime.ts';
import { type MailCatcher, startMailCatcher } from '../testing/mailCatcher.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { createDigestJob } from './digestJob.ts';
import { createEmailSender } from './emailSender.ts';

let mail: MailCatcher;
let t: TestServer;
beforeAll(async () => {
  mail = await startMailCatcher();
  t = await startTestServer({ workers: false });
}, 30_000);
afterAll(async () => {
  await t.close();
  await mail.close();
});

const note = (userId: string, dedupeKey: string, effectKey: string, message: string) => ({
  userId,
  dedupeKey,
  effectKey,
  instanceId: 'inst-1',
  title: 'Standard hiring · sub_1 · recruiter_screen',
  body: message,
  link: 'https://hireflow.example.com/#/instances/inst-1',
  inApp: true,
  digestPending: true,
  createdAt: 0,
});

describe('notifications', () => {
  it('collapse a repeated reminder of the same rung into one; a retry of the same effect is not a repeat', async () => {
    await t.signIn(['recruiter'], ['emea'], 'dora');
    const user =
      getUserByEmail(t.server.store, 'dora-1@test.io') ?? getUserByEmail(t.server.store, 'dora-2@test.io');
    if (!user) throw new Error('no user');
    const first = recordNotification(
      t.server.store,
      note(user.id, 'inst-1|screen|remind', 'e:1:0', 'Remind'),
    );
    expect(first.fresh).toBe(true);
    expect(
      recordNotification(t.server.store, note(user.id, 'inst-1|screen|remind', 'e:1:0', 'Remind')).fresh,
    ).toBe(true);
    const again = recordNotification(
      t.server.store,
      note(user.id, 'inst-1|screen|remind', 'e:5:0', 'Remind'),
    );
    expect(again.fresh).toBe(false);
    const rows = t.server.store.db.sqlite
      .prepare('select count(*) as n from server_notifications where user_id = ?')
      .get(user.id) as { n: number };
    expect(rows.n).toBe(1);
  });

  it('go out as one daily digest email per user at the digest hour (manual clock)', async () => {
    await t.signIn(['recruiter'], ['emea'], 'dave');
    const user = t.server.store.db.sqlite
      .prepare("select id, email from server_users where email like 'dave-%'")
      .get() as { id: string; email: string };
    savePreferences(t.server.store, user.id, { email: 'digest', inApp: true }, 0);
    recordNotification(t.server.store, note(user.id, 'a', 'e:1:0', 'Screen reminder'));
    recordNotification(t.server.store, note(user.id, 'b', 'e:2:0', 'Offer escalation'));
    const clock = new ManualClock('2026-03-03T06:30:00.000Z');
    const job = createDigestJob({
      store: t.server.store,
      clock,
      email: { configured: true, value: createEmailSender({ url: mail.url, from: 'hf@test.io' }) },
    });
    expect(await job.tick()).toBeUndefined();
    clock.set('2026-03-03T07:05:00.000Z');
    const run = await job.tick();
    // Dora (previous test) keeps the default: immediate email, so no digest for her.
    expect(run).toEqual({ sent: 1, failed: [] });
    const digest = await mail.waitFor(1);
    expect(digest.subject).toBe('[Hireflow] Daily digest (2)');
    expect(digest.text).toContain('Screen reminder');
    expect(digest.text).toContain('Offer escalation');
    expect(digest.to && !Array.isArray(digest.to) ? digest.to.text : '').toBe(user.email);
    expect(await job.tick()).toBeUndefined(); // once a day
    clock.set('2026-03-04T07:05:00.000Z');
    expect(await job.tick()).toEqual({ sent: 0, failed: [] }); // nothing new
    expect(mail.mails).toHaveLength(1);
  });
});

describe('the SMTP sender', () => {
  it('calls an unusable SMTP URL a permanent failure with the reason', async () => {
    const send = createEmailSender({ url: 'mailto:nobody', from: 'hf@test.io' });
    expect(await send(['a@test.io'], { subject: 's', text: 't', html: 'h' })).toEqual({
      ok: false,
      permanent: true,
      error: 'HIREFLOW_SMTP_URL is unusable: use smtp:// or smtps://',
    });
  });

  it('is delivered only when the server accepted the message', async () => {
    const before = mail.mails.length;
    const send = createEmailSender({ url: mail.url, from: 'hf@test.io' });
    const outcome = await send(['x@test.io'], { subject: 's', text: 't', html: '<p>h</p>' });
    expect(outcome).toMatchObject({ ok: true });
    expect(mail.mails).toHaveLength(before + 1);
  });

  it('retries a 4xx reply and gives up on a 5xx one', async () => {
    for (const [code, permanent] of [
      [451, false],
      [550, true],
    ] as const) {
      const refusing = await startMailCatcher({ rcptCode: code });
      const send = createEmailSender({ url: refusing.url, from: 'hf@test.io' });
      const outcome = await send(['x@test.io'], { subject: 's', text: 't', html: 'h' });
      expect(outcome).toMatchObject({ ok: false, permanent });
      expect(outcome.ok ? '' : outcome.error).toContain(`SMTP ${code}`);
      expect(refusing.mails).toHaveLength(0);
      await refusing.close();
    }
  });
});
