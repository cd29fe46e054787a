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

describe('accessibility (axe-core) of the main screens', () => {
  it('has no serious or critical violations on the lists, the templates, the editor and the inbox', async () => {
    const { page, app, browser, server } = h;
    const journey = createJourney('accessibility', page, h.consoleErrors);
    const editor = new EditorScreen(page);
    const found: Record<string, string[]> = {};
    const scan = async (screen: string) => {
      found[screen] = seriousViolations(await scanPage(page));
    };

    await journey.step('sign-in', async () => {
      await page.goto(server.url);
      await page.getByTestId('login-form').waitFor();
      await scan('sign-in');
    });
    await journey.step('workflows-empty', async () => {
      await h.signIn();
      await app.byTestId('empty-state').waitFor();
      await scan('workflows (empty)');
    });
    await journey.step('templates', async () => {
      await app.openTemplates();
      await scan('templates');
    });

    const api = await apiSession(browser.context, server.url);
    const { workflow } = await api.post<{ workflow: { id: string } }>('/templates/offer-approval/fork', {
      businessUnit: 'engineering',
    });
    await journey.step('workflows-list', async () => {
      await app.openWorkflows();
      await app.byTestId('workflow-list').waitFor();
      await scan('workflows');
    });
    await journey.step('editor', async () => {
      await page.goto(`${server.url}/#/workflows/${workflow.id}`);
      await page.locator('.react-flow__node').first().waitFor();
      await scan('editor');
    });
    await journey.step('editor-edge-with-guard-editor', async () => {
      await page.locator('.hf-edge-label').first().click();
      await editor.byTestId('guard-editor').locator('.monaco-editor').waitFor();
      await scan('editor (transition and guard editor)');
    });
    await journey.step('inbox', async () => {
      await page.goto(`${server.url}/#/workflows`);
      await app.openInbox();
      await scan('approvals inbox');
    });

    expect(found).toEqual({
      'sign-in': [],
      'workflows (empty)': [],
      templates: [],
      workflows: [],
      editor: [],
      'editor (transition and guard editor)': [],
      'approvals inbox': [],
    });
  });
});
