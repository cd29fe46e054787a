import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './apiSession.ts';
import { scanPage, seriousViolations } from './axeScan.ts';
import { type E2EHarness, openHarness } from './e2eHarness.ts';
import { createJourney } from './journey.ts';
import { EditorScreen } from './pages/EditorScreen.ts';

let h: E2EHarness & { consoleErrors: string[] };
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const AUDITOR = { email: 'auditor@example.com', password: 'auditor-password-2026' };

interface Forked {
  workflow: { id: string };
  draft: { revision: number; spec: { states: { id: string; label?: string }[] } & Record<string, unknown> };
}

describe('journey: an auditor looks at a workflow and replays an instance', () => {
  it('gets a read-only designer and the replay drawn on the version the instance ran', async () => {
    const { page, browser, server, app } = h;
    const journey = createJourney('auditor-viewer', page, h.consoleErrors);
    const editor = new EditorScreen(page);

    // The admin publishes v1, starts an instance on it, then renames a stage and publishes v2.
    await h.signIn();
    const api = await apiSession(browser.context, server.url);
    const { workflow, draft } = await api.post<Forked>('/templates/standard-hiring/fork', {
      businessUnit: 'engineering',
    });
    await api.post(`/workflows/${workflow.id}/publish`, { changelog: 'first', baseRevision: draft.revision });
    const { instance } = await api.post<{ instance: { id: string } }>('/instances', {
      workflowId: workflow.id,
      subjectId: 'cand-ada',
    });
    await api.post(`/instances/${instance.id}/events`, { type: 'ADVANCE' });
    const renamed = {
      ...draft.spec,
      states: draft.spec.states.map((s) =>
        s.id === 'applied' ? { ...s, label: 'Application received' } : s,
      ),
    };
    const me = await page.request.get(`${server.url}/api/auth/me`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const saved = await page.request.put(`${server.url}/api/workflows/${workflow.id}/draft`, {
      data: { spec: renamed, baseRevision: draft.revision },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(saved.status()).toBe(200);
    const { draft: v2Draft } = (await saved.json()) as { draft: { revision: number } };
    await api.post(`/workflows/${workflow.id}/publish`, {
      changelog: 'rename',
      baseRevision: v2Draft.revision,
    });
    await api.post('/users', {
      ...AUDITOR,
      name: 'Audrey Auditor',
      roles: ['auditor'],
      businessUnits: ['engineering'],
    });

    await journey.step('auditor-signs-in', async () => {
      await page.getByTestId('logout').click();
      await app.signIn(AUDITOR.email, AUDITOR.password);
    });

    await journey.step('read-only-designer', async () => {
      await page.goto(`${server.url}/#/workflows/${workflow.id}`);
      await editor.waitForCanvas('applied');
      await editor.byTestId('read-only').waitFor();
      await expect(editor.byTestId('palette-milestone').count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /publish/i }).count()).resolves.toBe(0);
      await expect(editor.byTestId('auto-layout').count()).resolves.toBe(0);
      const node = page.locator('.react-flow__node[data-id="interviews"]');
      await expect(node.getAttribute('class')).resolves.not.toContain('draggable');
      await expect(page.locator('.react-flow__handle.connectable').count()).resolves.toBe(0);
      await node.click();
      await expect(
        editor.byTestId('inspector-frame').evaluate((el) => (el as HTMLFieldSetElement).disabled),
      ).resolves.toBe(true);
      await expect(editor.byTestId('state-label').isDisabled()).resolves.toBe(true);
      await expect(editor.byTestId('connect-pad').count()).resolves.toBe(0);
      // Transitions from any stage show as a badge, not as arrows.
      await expect(editor.byTestId('any-state-interviews').textContent()).resolves.toContain('Withdraw');
      await expect(scanPage(page).then(seriousViolations)).resolves.toEqual([]);
    });

    await journey.step('dragging-changes-nothing', async () => {
      // A drag on a card may pan the view, but never moves the card relative to the others.
      const gap = async () => {
        const a = await editor.node('hiring_manager_review').boundingBox();
        const b = await editor.node('interviews').boundingBox();
        return Math.round((b?.x ?? 0) - (a?.x ?? 0));
      };
      const before = await gap();
      await editor.dragNode('interviews', 40, 30);
      await expect(gap()).resolves.toBe(before);
    });

    await journey.step('replay-on-the-version-that-ran', async () => {
      await editor.byTestId('side-tab-instances').click();
      await editor.byTestId(`instance-${instance.id}`).click();
      await editor.byTestId('shown-version').waitFor();
      await expect(editor.byTestId('shown-version').textContent()).resolves.toContain('v1');
      await expect(editor.byTestId('replay-version').textContent()).resolves.toContain('v1');
      // v1 still calls the first stage "Applied"; the draft (and v2) renamed it.
      await expect(editor.node('applied').locator('.hf-node__title').textContent()).resolves.toBe('Applied');
      await editor.byTestId('replay-entry').waitFor();
      await expect(editor.byTestId('replay-entry').textContent()).resolves.toMatch(
        /Admin .* in the designer/,
      );
    });

    await journey.step('replay-step-names-the-states', async () => {
      await editor.byTestId('replay-scrubber').press('ArrowRight');
      await expect(editor.byTestId('replay-entry').textContent()).resolves.toContain(
        'Applied → Recruiter screen',
      );
    });
    expect(h.consoleErrors).toEqual([]);
  });
});
