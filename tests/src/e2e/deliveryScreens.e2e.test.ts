import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EHarness, openHarness } from './e2eHarness.ts';
import { createJourney } from './journey.ts';

let h: E2EHarness & { consoleErrors: string[] };
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

/**
 * The delivery screens on a server started as the README says, with NO mail server configured: the
 * reminders of a delivering sandbox reach the admin's bell (in-app), while their email is parked as
 * undeliverable with the reason — visible on the delivery page, where the admin retries or discards.
 */
describe('journey: an admin sees where notifications went', () => {
  it('bell, delivery status, dead letters and an instance’s effects', async () => {
    const { page, browser, server } = h;
    const journey = createJourney('delivery-screens', page, h.consoleErrors);
    await h.signIn();
    const request = browser.context.request;
    const me = (await (await request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
      user: { id: string };
    };
    const call = async <T>(method: string, path: string, data?: unknown): Promise<T> => {
      const response = await request.fetch(`${server.url}/api${path}`, {
        method,
        data,
        headers: { 'x-csrf-token': me.csrfToken },
      });
      if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    };
    // The admin is also a recruiter of engineering, so the screen reminders are addressed to them.
    await call('PATCH', `/users/${me.user.id}`, {
      roles: ['admin', 'recruiter'],
      businessUnits: ['engineering'],
    });
    const { workflow, draft } = await call<{
      workflow: { id: string };
      draft: {
        revision: number;
        spec: { states: { id: string; on?: { event: string; actions?: unknown[] }[] }[] };
      };
    }>('POST', '/templates/standard-hiring/fork', { businessUnit: 'engineering' });
    // Moving a candidate to the screen tells the recruiters (drawn as an action on that transition).
    const applied = draft.spec.states.find((state) => state.id === 'applied');
    const advance = applied?.on?.find((t) => t.event === 'ADVANCE');
    if (!advance) throw new Error('no ADVANCE out of applied');
    advance.actions = [
      { type: 'notify', to: [{ role: 'recruiter' }], message: 'New candidate for your screen' },
    ];
    const saved = await call<{ draft: { revision: number } }>('PUT', `/workflows/${workflow.id}/draft`, {
      spec: draft.spec,
      baseRevision: draft.revision,
    });
    await call('POST', `/workflows/${workflow.id}/publish`, {
      changelog: 'notify',
      baseRevision: saved.draft.revision,
    });
    const start = (subjectId: string) =>
      call<{ instance: { id: string } }>('POST', '/instances', { workflowId: workflow.id, subjectId });
    const first = (await start('GH-APP-1001')).instance.id;
    const second = (await start('GH-APP-1002')).instance.id;

    await journey.step('bell-counts-live', async () => {
      await page.goto(`${server.url}/#/workflows`);
      await page.getByTestId('bell').waitFor();
      for (const id of [first, second]) await call('POST', `/instances/${id}/events`, { type: 'ADVANCE' });
      // Fed by the SSE stream: no reload.
      await expect.poll(() => page.getByTestId('bell-count').textContent(), { timeout: 15_000 }).toBe('2');
      await page.getByTestId('bell').click();
      await page.getByTestId('bell-panel').getByText('New candidate for your screen').first().waitFor();
    });

    await journey.step('delivery-status-and-dead-letters', async () => {
      await page.goto(`${server.url}/#/delivery`);
      await page.getByTestId('delivery-channels').getByText('HIREFLOW_SMTP_URL is not set').waitFor();
      await page.getByLabel('Status').selectOption('undeliverable');
      await expect
        .poll(() => page.getByTestId('effects-table').locator('tbody tr').count(), { timeout: 15_000 })
        .toBe(2);
      await page
        .getByTestId('effects-table')
        .getByText('email: HIREFLOW_SMTP_URL is not set')
        .first()
        .waitFor();
    });

    await journey.step('discard-one', async () => {
      const row = page.getByTestId('effects-table').locator('tbody tr').first();
      await row.getByLabel('Reason to discard').fill('told the recruiter in person');
      await row.getByRole('button', { name: 'Discard' }).click();
      await expect
        .poll(() => page.getByTestId('effects-table').locator('tbody tr').count(), { timeout: 15_000 })
        .toBe(1);
    });

    await journey.step('instance-effects', async () => {
      await page.goto(`${server.url}/#/instances/${second}`);
      await page.getByTestId('effects-table').getByText('New candidate for your screen').waitFor();
    });
    await journey.step('notification-preferences', async () => {
      await page.goto(`${server.url}/#/notifications`);
      await page.getByLabel('One daily digest (07:00 UTC)').check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved.').waitFor();
      const saved = await call<{ email: string }>('GET', '/notifications/preferences');
      expect(saved.email).toBe('digest');
    });
    expect(h.consoleErrors).toEqual([]);
  });
});
