import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './apiSession.ts';
import { scanPage, seriousViolations } from './axeScan.ts';
import { type E2EHarness, openHarness } from './e2eHarness.ts';
import { createJourney } from './journey.ts';

let h: E2EHarness & { consoleErrors: string[] };
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const MANAGER = { email: 'hm@example.com', password: 'manager-password-2026' };
/** Playwright's iPhone 12–14 viewport. */
const PHONE = { width: 390, height: 844 };

/** Nothing may stick out sideways: a phone page scrolls down, never across. */
const horizontalOverflow = () =>
  h.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('journey: a hiring manager acts from a phone', () => {
  it('submits from the instance page, approves from the inbox and cancels with a note, at 390×844', async () => {
    const { page, browser, server, app } = h;
    const journey = createJourney('phone', page, h.consoleErrors);

    await h.signIn();
    const api = await apiSession(browser.context, server.url);
    const { workflow, draft } = await api.post<{ workflow: { id: string }; draft: { revision: number } }>(
      '/templates/offer-approval/fork',
      { businessUnit: 'engineering' },
    );
    await api.post(`/workflows/${workflow.id}/publish`, { changelog: 'first', baseRevision: draft.revision });
    const { instance } = await api.post<{ instance: { id: string } }>('/instances', {
      workflowId: workflow.id,
      subjectId: 'offer-ada',
      context: { level: 4, compensation: { base: 90000, bandMax: 100000, currency: 'EUR' } },
    });
    await api.post('/users', {
      ...MANAGER,
      name: 'Hana Manager',
      roles: ['hiring_manager'],
      businessUnits: ['engineering'],
    });
    await page.getByTestId('logout').click();
    await page.setViewportSize(PHONE);
    await app.signIn(MANAGER.email, MANAGER.password);

    await journey.step('instance-page', async () => {
      await page.goto(`${server.url}/#/instances/${instance.id}`);
      await page.getByTestId('instance-page').waitFor();
      await expect(page.getByTestId('instance-where').textContent()).resolves.toContain('Drafting');
      await page.getByTestId('instance-overdue').waitFor();
      await page.getByTestId('instance-history').waitFor();
      await expect(horizontalOverflow()).resolves.toBeLessThanOrEqual(0);
      await expect(scanPage(page).then(seriousViolations)).resolves.toEqual([]);
    });

    await journey.step('submit-dialog', async () => {
      await page.getByTestId('act-SUBMIT').click();
      await page.getByTestId('act-dialog').waitFor();
      const dialog = await page.getByTestId('act-dialog').boundingBox();
      expect(dialog?.width ?? 999).toBeLessThanOrEqual(PHONE.width);
      await expect(scanPage(page).then(seriousViolations)).resolves.toEqual([]);
    });

    await journey.step('submitted-for-approval', async () => {
      await page.getByTestId('act-confirm').click();
      await page.getByTestId('act-dialog').waitFor({ state: 'detached' });
      await expect(page.getByTestId('instance-where').textContent()).resolves.toContain('Offer approval');
    });

    await journey.step('inbox-on-a-phone', async () => {
      await page.goto(`${server.url}/#/inbox`);
      await page.getByTestId('task-approve').first().waitFor();
      await expect(horizontalOverflow()).resolves.toBeLessThanOrEqual(0);
      const approve = await page.getByTestId('task-approve').first().boundingBox();
      expect(approve?.height ?? 0).toBeGreaterThanOrEqual(44);
    });

    await journey.step('approved-from-the-phone', async () => {
      await page.getByTestId('task-comment').first().fill('Within band, go.');
      await page.getByTestId('task-approve').first().click();
      await page.getByText('Nothing waiting for you.').waitFor();
    });

    await journey.step('cancel-dialog-asks-for-the-reason', async () => {
      await page.goto(`${server.url}/#/instances/${instance.id}`);
      await page.getByTestId('act-CANCEL').click();
      await page.getByTestId('act-dialog').waitFor();
      await expect(page.getByTestId('act-confirm').isDisabled()).resolves.toBe(true);
      await page.getByTestId('act-note').fill('Candidate accepted another offer.');
    });

    await journey.step('canceled', async () => {
      await page.getByTestId('act-confirm').click();
      await page.getByTestId('act-dialog').waitFor({ state: 'detached' });
      await expect(page.getByTestId('instance-where').textContent()).resolves.toContain('Canceled');
    });

    await journey.step('canvas-says-desktop-only', async () => {
      await page.goto(`${server.url}/#/workflows/${workflow.id}`);
      await page.getByTestId('desktop-only').waitFor({ state: 'visible' });
    });
    // The instance page asks for the audit trail and, refused (403) for this role, says who may read it.
    expect(h.consoleErrors.filter((e) => !e.includes('status of 403'))).toEqual([]);
  });
});
