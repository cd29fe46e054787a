import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EHarness, openHarness } from './e2eHarness.ts';
import { E2E_ADMIN } from './hireflowServer.ts';
import { createJourney } from './journey.ts';
import { EditorScreen } from './pages/EditorScreen.ts';
import { PublishPanel } from './pages/PublishPanel.ts';
import { SimulatePanel } from './pages/SimulatePanel.ts';
import { userSession } from './userSession.ts';

let h: E2EHarness & { consoleErrors: string[] };
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const PASSWORD = 'journey-password-2026';
const final = (id: string, outcome: string) => ({ id, kind: 'final', outcome });

/**
 * Screen → (ADVANCE) hired, then (ADVANCE if level > 3) an offer approval needing 2 approvers: the
 * guarded arrow is drawn after the unguarded one, so as written it can never fire.
 */
const OFFER_ROUTING = {
  schemaVersion: 2,
  id: 'offer-routing',
  name: 'Offer routing',
  businessUnit: 'engineering',
  context: { level: { type: 'int', default: 0 } },
  initial: 'screen',
  states: [
    {
      id: 'screen',
      label: 'Screen',
      kind: 'milestone',
      position: { x: 0, y: 0 },
      on: [
        { id: 'to-hired', event: 'ADVANCE', target: 'hired', label: 'Hire directly' },
        {
          id: 'to-offer',
          event: 'ADVANCE',
          target: 'offer_approval',
          label: 'Senior offer',
          guard: 'level > 3',
        },
      ],
    },
    {
      id: 'offer_approval',
      label: 'Offer approval',
      kind: 'approval',
      position: { x: 320, y: 0 },
      approval: {
        steps: [
          { id: 'panel', label: 'Panel', approvers: [{ role: 'approver' }], mode: 'quorum', quorum: 2 },
        ],
        onApproved: 'hired',
        onRejected: 'rejected',
        allowDelegation: true,
      },
    },
    { ...final('hired', 'hired'), position: { x: 640, y: 0 } },
    { ...final('rejected', 'rejected'), position: { x: 640, y: 200 } },
  ],
};

describe('journey: the designer says what will run, and publishes what it says', () => {
  it('fixes a dead branch, simulates the guarded branch and a quorum approval, publishes v2 as default', async () => {
    const { page, server, app } = h;
    const journey = createJourney('designer-correct', page, h.consoleErrors);
    const editor = new EditorScreen(page);
    const simulate = new SimulatePanel(page);
    const publish = new PublishPanel(page);
    const admin = await userSession(server.url, E2E_ADMIN.email, E2E_ADMIN.password);
    await admin.post('/workflows', { spec: OFFER_ROUTING });

    await h.signIn();
    await journey.step('shadowed-branch-is-a-problem', async () => {
      await page.goto(`${server.url}/#/workflows/offer-routing`);
      await editor.waitForCanvas('screen');
      await page.waitForFunction(() =>
        document
          .querySelector('[data-testid="publish-blocked-reason"]')
          ?.textContent?.includes('can never fire'),
      );
      await expect(editor.byTestId('edge-order-to-offer').textContent()).resolves.toBe('2');
    });

    await journey.step('move-above-fixes-it', async () => {
      await editor.selectEdge('to-offer');
      await editor.byTestId('transition-move-above').click();
      await expect(editor.byTestId('edge-order-to-offer').textContent()).resolves.toBe('1');
      await page.waitForFunction(
        () =>
          !document
            .querySelector('[data-testid="validation-panel"]')
            ?.textContent?.includes('can never fire'),
      );
      await publish.waitUntilSaved();
    });

    await journey.step('simulate-guarded-branch', async () => {
      await simulate.start({ level: 5 });
      await expect(simulate.transition('to-offer').isEnabled()).resolves.toBe(true);
      await expect(simulate.transition('to-hired').isDisabled()).resolves.toBe(true);
      await expect(simulate.byTestId('simulate-panel').textContent()).resolves.toContain(
        'takes the earlier "to-offer" first',
      );
      await simulate.transition('to-offer').click();
      await expect(simulate.activeStates()).resolves.toContain('offer_approval:panel');
    });

    await journey.step('simulate-quorum-approval', async () => {
      await expect(simulate.byTestId('sim-approvals').textContent()).resolves.toContain(
        '2 approvals needed, 0 so far',
      );
      await simulate.approver('sim:approver:1').getByTestId('sim-approve').click();
      await expect(simulate.activeStates()).resolves.toContain('offer_approval:panel');
      await simulate.approver('sim:approver:2').getByTestId('sim-approve').click();
      await expect(simulate.activeStates()).resolves.toContain('hired');
      await expect(simulate.logText()).resolves.toContain('APPROVAL.DECIDE by sim:approver:2');
    });

    await journey.step('publish-first-version', async () => {
      const { promise, notice } = await publish.publishChoosing('First version', true);
      expect(promise).toContain('first version');
      expect(notice).toBe('Published v1. New instances start on v1.');
    });

    await journey.step('publish-v2-as-default', async () => {
      const { workflow, draft } = await admin.get<{
        workflow: unknown;
        draft: { spec: object; revision: number };
      }>('/workflows/offer-routing');
      expect(workflow).toBeTruthy();
      await admin.put('/workflows/offer-routing/draft', {
        spec: { ...draft.spec, description: 'Senior offers go to a panel of two' },
        baseRevision: draft.revision,
      });
      await page.reload();
      await editor.waitForCanvas('screen');
      const { promise, notice } = await publish.publishChoosing('Panel of two', true);
      expect(promise).toContain('New instances will start on the new version');
      expect(notice).toBe('Published v2. New instances start on v2.');
      const started = await admin.post<{ instance: { version: number } }>('/instances', {
        workflowId: 'offer-routing',
        subjectId: 'candidate-7',
        context: { level: 5 },
      });
      expect(started.instance.version).toBe(2);
    });

    await journey.step('approver-inbox-renders-a-pending-task', async () => {
      await admin.post('/users', {
        email: 'pat.approver@example.com',
        name: 'Pat Approver',
        password: PASSWORD,
        roles: ['approver'],
        businessUnits: ['engineering'],
      });
      const instance = await admin.post<{ instance: { id: string } }>('/instances', {
        workflowId: 'offer-routing',
        subjectId: 'candidate-8',
        context: { level: 6 },
      });
      await admin.post(`/instances/${instance.instance.id}/events`, { type: 'ADVANCE' });
      await page.goto(`${server.url}/#/workflows`);
      await app.byTestId('logout').click();
      await app.byTestId('login-email').waitFor();
      await app.signIn('pat.approver@example.com', PASSWORD);
      await app.openInbox();
      await app.byTestId('approvals-inbox').locator('li').first().waitFor();
      const text = (await app.byTestId('approvals-inbox').textContent()) ?? '';
      expect(text).toContain('Approval step panel');
      expect(text).toContain('role approver');
      await expect(page.getByTestId('page-error').count()).resolves.toBe(0);
    });

    expect(h.consoleErrors).toEqual([]);
    await admin.dispose();
  });
});
