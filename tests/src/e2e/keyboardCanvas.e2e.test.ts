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

/** Polls `check` (a server read) until it holds, for at most 10 s. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met within 10 s');
}

interface Draft {
  draft: { revision: number; spec: { states: { id: string; position?: { x: number; y: number } }[] } };
}

describe('journey: a designer works the canvas with the keyboard', () => {
  it('opens legibly, moves a state with arrow keys (saved, undoable) and connects from the context pad', async () => {
    const { page, browser, server } = h;
    const journey = createJourney('keyboard-canvas', page, h.consoleErrors);
    const editor = new EditorScreen(page);
    await h.signIn();
    const api = await apiSession(browser.context, server.url);
    const { workflow } = await api.post<{ workflow: { id: string } }>('/templates/standard-hiring/fork', {
      businessUnit: 'engineering',
    });
    const draftPosition = async (id: string) => {
      const response = await page.request.get(`${server.url}/api/workflows/${workflow.id}`);
      const { draft } = (await response.json()) as Draft;
      return draft.spec.states.find((s) => s.id === id)?.position;
    };

    await journey.step('opens-legibly', async () => {
      await page.goto(`${server.url}/#/workflows/${workflow.id}`);
      await editor.waitForCanvas('applied');
      // Layout and fit run once the cards are measured.
      await page.waitForFunction(() => {
        const t = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
        return /scale\((0\.[89]|0\.7[5-9]|1)/.test(t);
      });
      const toolbar = await page.locator('.hf-toolbar').boundingBox();
      expect(toolbar?.height ?? 999).toBeLessThanOrEqual(60);
      await expect(page.locator('.react-flow__edge[tabindex]').count()).resolves.toBe(0);
      await expect(
        page.locator('.react-flow__node[data-id="interviews"]').getAttribute('aria-label'),
      ).resolves.toBe('Interviews, milestone');
    });

    await journey.step('auto-layout-puts-outcomes-below', async () => {
      // The template comes with its own drawing; Auto layout lays it out with the measured card sizes.
      await editor.byTestId('auto-layout').click();
      await until(
        async () => ((await draftPosition('hired'))?.y ?? 0) > ((await draftPosition('interviews'))?.y ?? 0),
      );
      await editor.byTestId('fit-view').click();
      await editor.node('hired').waitFor();
      const stage = await editor.node('interviews').boundingBox();
      const outcome = await editor.node('hired').boundingBox();
      expect(outcome?.y ?? 0).toBeGreaterThan((stage?.y ?? 0) + (stage?.height ?? 0));
      const first = await editor.node('applied').boundingBox();
      const later = await editor.node('offer').boundingBox();
      expect(later?.x ?? 0).toBeGreaterThan(first?.x ?? 0);
      await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
    });

    const before = await draftPosition('interviews');
    await journey.step('arrow-keys-move-and-save', async () => {
      const node = page.locator('.react-flow__node[data-id="interviews"]');
      await node.click();
      await node.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      await expect(editor.byTestId('undo').isEnabled()).resolves.toBe(true);
      // Autosave stores the keyboard move like a drag.
      await until(async () => (await draftPosition('interviews'))?.x === (before?.x ?? 0) + 20);
      await expect(draftPosition('interviews')).resolves.toEqual({
        x: (before?.x ?? 0) + 20,
        y: (before?.y ?? 0) + 10,
      });
    });

    await journey.step('undo-the-keyboard-move', async () => {
      for (let i = 0; i < 3; i += 1) await editor.byTestId('undo').click();
      await until(async () => (await draftPosition('interviews'))?.x === before?.x);
      await expect(draftPosition('interviews')).resolves.toEqual(before);
    });

    await journey.step('connect-from-the-context-pad', async () => {
      await page.locator('.react-flow__node[data-id="debrief"]').click();
      await editor.byTestId('connect-pad').waitFor();
      await expect(scanPage(page).then(seriousViolations)).resolves.toEqual([]);
      await editor.byTestId('connect-target').selectOption({ label: 'Offer accepted' });
      await editor.byTestId('connect-event').fill('FAST_TRACK');
      await editor.byTestId('connect-submit').click();
      await editor.byTestId('transition-inspector').waitFor();
      await expect(editor.byTestId('transition-event').inputValue()).resolves.toBe('FAST_TRACK');
      // Targets are offered by name.
      await expect(
        editor.byTestId('transition-target').locator('option:checked').textContent(),
      ).resolves.toBe('Offer accepted');
    });
    expect(h.consoleErrors).toEqual([]);
  });
});
