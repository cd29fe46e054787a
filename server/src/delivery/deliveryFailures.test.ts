import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listEffectActions } from '../db/deliveryAdmin.ts';
import { ManualClock } from '../runtime.ts';
import { publishedHiring } from '../testing/hiringWorkflow.ts';
import type { HttpClient } from '../testing/httpClient.ts';
import { eventually } from '../testing/mailCatcher.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';

interface Effect {
  id: string;
  type: string;
  status: string;
  lastError: string | null;
  attempts: number;
}

/** Sessions run on the server's (manual) clock: keep them valid while the test moves it by days. */
const YEAR = 365 * 86_400_000;
let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A production instance in recruiter_screen whose 3-day reminder has fired (manual clock). */
async function remindedInstance(server: TestServer, clock: ManualClock) {
  const recruiter = await server.signIn(['recruiter'], ['emea'], 'rob');
  const workflowId = await publishedHiring(server.admin, 'emea');
  const started = await recruiter.post<{ instance: { id: string } }>('/api/instances', {
    workflowId,
    subjectId: 'CAND-7',
  });
  const id = started.body.instance.id;
  await recruiter.post(`/api/instances/${id}/events`, { type: 'ADVANCE' });
  clock.set('2026-03-05T10:01:00.000Z'); // Monday 10:00 + 3 business days, just past
  const reminder = await eventually(async () => {
    const effects = await server.admin.get<{ items: Effect[] }>(`/api/instances/${id}/effects`);
    return effects.body.items.find((e) => e.type === 'hireflow.notify' && e.attempts > 0);
  });
  return { id, recruiter, reminder };
}

const effectOf = async (admin: HttpClient, instanceId: string, effectId: string) =>
  (await admin.get<{ items: Effect[] }>(`/api/instances/${instanceId}/effects`)).body.items.find(
    (e) => e.id === effectId,
  );

describe('delivery failures', () => {
  it('an unreachable mail server: pending with the error, then dead; transitions go on', async () => {
    const clock = new ManualClock('2026-03-02T10:00:00.000Z');
    t = await startTestServer({
      clock,
      sessionTtlMs: YEAR,
      deliveryIntervalMs: 30,
      deliveryEnv: {
        HIREFLOW_SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
        HIREFLOW_MAIL_FROM: 'hf@test.io',
      },
    });
    const { id, recruiter, reminder } = await remindedInstance(t, clock);
    const admin = t.admin;
    const pending = await eventually(async () => {
      const e = await effectOf(admin, id, reminder.id);
      return e?.lastError ? e : undefined;
    });
    expect(pending.status).toBe('pending');
    expect(pending.lastError).toMatch(/ECONNREFUSED/);
    // The transition that produced the effect stands, and the instance moves on meanwhile.
    const moved = await recruiter.post<{ instance: { state: string[] } }>(`/api/instances/${id}/events`, {
      type: 'ADVANCE',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.instance.state).toEqual(['hiring_manager_review']);

    const dead = await eventually(async () => {
      clock.advance(2 * 3_600_000); // past every backoff
      const e = await effectOf(admin, id, reminder.id);
      return e?.status === 'dead' ? e : undefined;
    }, 20_000);
    expect(dead.lastError).toMatch(/ECONNREFUSED/);
    expect(dead.attempts).toBe(10);

    const letters = await admin.get<{ items: Effect[] }>('/api/effects?status=dead');
    expect(letters.body.items.map((e) => e.id)).toContain(reminder.id);
    const noReason = await admin.post(`/api/effects/${reminder.id}/discard`, {});
    expect(noReason.status).toBe(422);
    const discarded = await admin.post<{ effect: Effect }>(`/api/effects/${reminder.id}/discard`, {
      reason: 'candidate already contacted by phone',
    });
    expect(discarded.body.effect.status).toBe('discarded');
    expect(listEffectActions(t.server.store)[0]).toMatchObject({
      effectId: reminder.id,
      action: 'discard',
      reason: 'candidate already contacted by phone',
    });
    expect((await admin.post(`/api/effects/${reminder.id}/retry`, {})).status).toBe(409);
  }, 40_000);

  it('no SMTP configured: undeliverable with the reason, on the status page, in-app still delivered', async () => {
    const clock = new ManualClock('2026-03-02T10:00:00.000Z');
    t = await startTestServer({ clock, sessionTtlMs: YEAR, deliveryIntervalMs: 30 });
    const status = await t.admin.get<{
      channels: { channel: string; configured: boolean; detail: string }[];
    }>('/api/system/delivery');
    expect(status.body.channels.find((c) => c.channel === 'email')).toEqual({
      channel: 'email',
      configured: false,
      detail: 'HIREFLOW_SMTP_URL is not set',
    });
    const { id, recruiter, reminder } = await remindedInstance(t, clock);
    const admin = t.admin;
    const parked = await eventually(async () => {
      const e = await effectOf(admin, id, reminder.id);
      return e?.status === 'undeliverable' ? e : undefined;
    });
    expect(parked.lastError).toContain('email: HIREFLOW_SMTP_URL is not set');
    const counts = await admin.get<{ counts: Record<string, number> }>('/api/system/delivery');
    expect(counts.body.counts.undeliverable).toBe(1);
    expect(counts.body.counts.delivered ?? 0).toBe(0);

    const mine = await recruiter.get<{ unread: number; items: { id: number; title: string }[] }>(
      '/api/notifications',
    );
    expect(mine.body.unread).toBe(1);
    expect(mine.body.items[0]?.title).toMatch(/ · sub_[0-9a-f]+ · recruiter_screen$/);
    const item = mine.body.items[0];
    expect((await t.admin.post(`/api/notifications/${item?.id}/read`)).status).toBe(404);
    expect((await recruiter.post(`/api/notifications/${item?.id}/read`)).body).toEqual({ unread: 0 });

    // An admin retry after fixing nothing: tried again, parked again with the same reason.
    const retried = await admin.post<{ effect: Effect }>(`/api/effects/${reminder.id}/retry`, {
      reason: 'test',
    });
    expect(retried.body.effect.status).toBe('pending');
    await eventually(async () =>
      (await effectOf(admin, id, reminder.id))?.status === 'undeliverable' ? true : undefined,
    );
    // The retry is the same effect: no second in-app notification.
    expect((await recruiter.get<{ items: unknown[] }>('/api/notifications')).body.items).toHaveLength(1);
  }, 40_000);
});
