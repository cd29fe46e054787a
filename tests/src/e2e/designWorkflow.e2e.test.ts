import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EHarness, openHarness } from './e2eHarness.ts';
import { createJourney } from './journey.ts';
import { EditorScreen } from './pages/EditorScreen.ts';
import { PublishPanel } from './pages/PublishPanel.ts';

let h: E2EHarness & { consoleErrors: string[] };
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('journey: a TA ops admin designs a workflow from a template and publishes it', () => {
  it('forks standard hiring, adds a reference check with an SLA and a guard, publishes twice and diffs', async () => {
    const { page, app } = h;
    const journey = createJourney('design-workflow', page, h.consoleErrors);
    const editor = new EditorScreen(page);
    const versions = new PublishPanel(page);

    await journey.step('signed-in-empty-state', async () => {
      await h.signIn();
      await expect(app.byTestId('empty-state').textContent()).resolves.toContain('first hiring workflow');
    });

    await journey.step('templates-gallery', async () => {
      await app.byTestId('empty-browse-templates').click();
      await app.byTestId('template-gallery').waitFor();
      await expect(app.byTestId('use-template-standard-hiring').isDisabled()).resolves.toBe(true);
      await app.byTestId('fork-business-unit').fill('engineering');
    });

    await journey.step('forked-standard-hiring', async () => {
      await app.useTemplate('standard-hiring');
      await editor.waitForCanvas('applied');
      await expect(page.getByTestId('workflow-name').textContent()).resolves.toContain('Standard hiring');
    });

    await journey.step('added-milestone', async () => {
      // The canvas opens on the main path at a legible zoom; fit the whole workflow so the new stage
      // lands in its middle (Fit animates for 300 ms).
      await editor.byTestId('fit-view').click();
      await page.waitForTimeout(400);
      const added = await editor.addFromPalette('milestone');
      expect(added).toMatch(/^milestone/);
      await editor.commitField('state-label', 'Reference check');
      await editor.commitField('state-id', 'reference_check');
      await editor.node('reference_check').waitFor();
      await expect(editor.node(added).count()).resolves.toBe(0);
    });

    await journey.step('connected-milestone', async () => {
      // Room for the new stage under the debrief, then draw debrief → reference check → offer.
      await editor.zoomAround('debrief', 4);
      await editor.connect('debrief', 'reference_check');
      await editor.edgeLabel('debrief_to_reference_check').waitFor();
      await editor.connect('reference_check', 'offer');
      await editor.edgeLabel('reference_check_to_offer').waitFor();
    });

    await journey.step('sla-edge', async () => {
      await editor.selectNode('reference_check');
      await editor.byTestId('sla-add').click();
      await editor.commitField('sla-amount', '3');
      await editor.commitField('sla-notify', 'recruiter, hrbp');
      await editor.byTestId('sla-target').selectOption('withdrawn');
      await editor.edgeLabel('reference_check:timer:sla').waitFor();
      await expect(editor.edgeLabel('reference_check:timer:sla').textContent()).resolves.toContain('3');
    });

    await journey.step('broken-guard-marker', async () => {
      await editor.selectEdge('debrief_to_reference_check');
      await editor.byTestId('transition-inspector').waitFor();
      await editor.typeGuard('level >= ');
      const errors = await editor.guardErrors();
      expect(errors.join('\n')).toMatch(/condition|expression|syntax|unexpected|expected/i);
      await editor.byTestId('guard-editor').locator('.squiggly-error').first().waitFor();
      await expect(editor.byTestId('publish').isDisabled()).resolves.toBe(true);
      await expect(editor.byTestId('publish-blocked-reason').textContent()).resolves.toMatch(/problem/);
    });

    await journey.step('guard-fixed', async () => {
      await editor.typeGuard('level >= 7');
      // Drawn after Debrief's unguarded ADVANCE, the new guarded arrow could never fire: move it above.
      await expect(editor.guardErrors()).resolves.toEqual([expect.stringContaining('can never fire')]);
      await editor.byTestId('transition-move-above').click();
      await expect(editor.guardErrors()).resolves.toEqual([]);
      await editor.byTestId('guard-editor').locator('.squiggly-error').waitFor({ state: 'detached' });
      await expect(editor.edgeLabel('debrief_to_reference_check').textContent()).resolves.toContain(
        'level >= 7',
      );
      await expect(editor.byTestId('publish').isEnabled()).resolves.toBe(true);
    });

    await journey.step('published-v1', async () => {
      await versions.waitUntilSaved();
      await versions.publish('Reference check for director-level hires, with a 3-day SLA');
      await versions.openVersions();
      await versions.version(1).waitFor();
      await expect(versions.version(1).textContent()).resolves.toContain('Reference check for director');
    });

    await journey.step('published-v2', async () => {
      await editor.openSidePanel('inspect');
      await editor.selectNode('reference_check');
      await editor.commitField('state-label', 'Executive reference check');
      await versions.waitUntilSaved();
      await versions.publish('Rename the reference check');
      await versions.openVersions();
      await versions.version(2).waitFor();
    });

    await journey.step('diff-v1-v2', async () => {
      const list = await versions.compare(1, 2);
      await expect(list.textContent()).resolves.toMatch(/reference_check|Reference check/i);
      // The renamed state is colored as changed on the canvas.
      await expect(editor.node('reference_check').getAttribute('class')).resolves.toContain('is-changed');
      await page.keyboard.press('Escape');
    });

    expect(h.consoleErrors).toEqual([]);
  });
});
