import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './apiSession.ts';
import { type E2EHarness, openHarness } from './e2eHarness.ts';
import { createJourney } from './journey.ts';
import { EditorScreen } from './pages/EditorScreen.ts';
import { ReplayPanel } from './pages/ReplayPanel.ts';
import { SimulatePanel } from './pages/SimulatePanel.ts';

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
  instance: { id: string; state: string[] };
}

describe('journey: a TA ops admin simulates a workflow and replays a running instance', () => {
  it('simulates standard hiring to an SLA escalation, then replays an instance from its audit trail', async () => {
    const { page, browser, server } = h;
    const journey = createJourney('run-workflow', page, h.consoleErrors);
    const editor = new EditorScreen(page);
    const simulate = new SimulatePanel(page);
    const replay = new ReplayPanel(page);

    await h.signIn();
    const api = await apiSession(browser.context, server.url);
    const { workflow, draft } = await api.post<Forked>('/templates/standard-hiring/fork', {
      businessUnit: 'engineering',
    });

    await journey.step('open-forked-workflow', async () => {
      await page.goto(`${server.url}/#/workflows/${workflow.id}`);
      await editor.waitForCanvas('applied');
    });

    await journey.step('simulation-started', async () => {
      await simulate.start({ level: 4 });
      await expect(simulate.activeStates()).resolves.toContain('applied');
      await expect(editor.node('applied').getAttribute('class')).resolves.toContain('is-active');
    });

    await journey.step('simulated-escalation', async () => {
      // Applied has a 2-business-day reminder and a 4-business-day escalation to the TA manager.
      const days = await simulate.advanceUntilEscalation();
      expect(days).toBe(2);
      await expect(simulate.escalations().first().textContent()).resolves.toContain('remind');
      for (let day = 0; day < 2; day += 1) await simulate.byTestId('sim-plus-day').click();
      // …and two days later the escalation rung fires too.
      await expect(simulate.escalations().count()).resolves.toBe(2);
    });

    const instanceId = await journey.step('instance-started-through-the-api', async () => {
      await api.post(`/workflows/${workflow.id}/publish`, {
        changelog: 'First version',
        baseRevision: draft.revision,
      });
      const { instance } = await api.post<Started>('/instances', {
        workflowId: workflow.id,
        subjectId: 'application-1042',
        context: { level: 4 },
      });
      await api.post(`/instances/${instance.id}/events`, { type: 'ADVANCE' }, { 'idempotency-key': 'e2e-1' });
      await page.reload();
      await editor.waitForCanvas('applied');
      await editor.openSidePanel('instances');
      await editor.byTestId(`instance-${instance.id}`).waitFor();
      return instance.id;
    });

    await journey.step('replay-timeline', async () => {
      await replay.openInstance(instanceId);
      await expect(replay.verification()).resolves.toContain('Chain intact');
      const first = await replay.scrubTo(0);
      expect(first).toContain('start');
      const second = await replay.scrubTo(1);
      expect(second).toContain('ADVANCE');
      expect(second).toContain('Applied → Recruiter screen');
      await expect(editor.node('recruiter_screen').getAttribute('class')).resolves.toContain('is-active');
      await expect(editor.node('applied').getAttribute('class')).resolves.toContain('is-visited');
    });

    expect(h.consoleErrors).toEqual([]);
  });
});
