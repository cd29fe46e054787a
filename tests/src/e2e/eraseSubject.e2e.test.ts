import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './apiSession.ts';
import { type E2EHarness, openHarness } from './e2eHarness.ts';
import { createJourney } from './journey.ts';
import { EditorScreen } from './pages/EditorScreen.ts';
import { ReplayPanel } from './pages/ReplayPanel.ts';

let h: E2EHarness & { consoleErrors: string[] };
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Forked {
  workflow: { id: string };
  draft: { revision: number };
}
interface Started {
  instance: { id: string; subjectId: string };
}

describe('journey: an admin erases a candidate from an instance page', () => {
  it('confirms with a reason and a case number; the history stays and still verifies', async () => {
    const { page, browser, server } = h;
    const journey = createJourney('erase-subject', page, h.consoleErrors);
    const editor = new EditorScreen(page);
    const replay = new ReplayPanel(page);

    await h.signIn();
    const api = await apiSession(browser.context, server.url);
    const { workflow, draft } = await api.post<Forked>('/templates/standard-hiring/fork', {
      businessUnit: 'engineering',
    });
    await api.post(`/workflows/${workflow.id}/publish`, { changelog: 'v1', baseRevision: draft.revision });
    const { instance } = await api.post<Started>('/instances', {
      workflowId: workflow.id,
      subjectId: 'application-77',
    });
    await api.post(`/instances/${instance.id}/events`, { type: 'ADVANCE', note: 'Spoke with the candidate' });

    await journey.step('instance-open', async () => {
      await page.goto(`${server.url}/#/workflows/${workflow.id}`);
      await editor.waitForCanvas('applied');
      await replay.openInstance(instance.id);
    });

    await journey.step('erase-dialog', async () => {
      await page.getByTestId('erase-subject').click();
      await page.getByTestId('erase-dialog').waitFor();
      await page.getByTestId('erase-reason').selectOption('data_subject_request');
      await page.getByTestId('erase-reference').fill('DSR-2026-0042');
    });

    await journey.step('erased', async () => {
      await page.getByTestId('erase-confirm').click();
      await expect(page.getByTestId('erase-done').textContent()).resolves.toContain('1 instance');
    });

    const answer = await browser.context.request.get(
      `${server.url}/api/audit/instances/${instance.id}/entries`,
    );
    const entries = (await answer.json()) as { items: { kind: string; event: { payload: unknown } }[] };
    expect(entries.items.at(-1)).toMatchObject({
      kind: 'erasure',
      event: { payload: { reason: 'data_subject_request', reference: 'DSR-2026-0042' } },
    });
    await expect(api.post<{ ok: boolean }>('/audit/verify', {})).resolves.toMatchObject({ ok: true });
    expect(h.consoleErrors).toEqual([]);
  });
});
