import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './apiSession.ts';
import { type E2EHarness, openHarness } from './e2eHarness.ts';
import { createJourney } from './journey.ts';
import { DeliveriesScreen } from './pages/DeliveriesScreen.ts';

let h: E2EHarness & { consoleErrors: string[] };
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A Greenhouse "application created" web hook, signed as Greenhouse signs it (the ATS is the fake). */
function greenhouseApplication(secret: string, applicationId: number) {
  const body = JSON.stringify({
    action: 'new_candidate_application',
    payload: {
      application: {
        id: applicationId,
        status: 'active',
        current_stage: { id: 1, name: 'Application Review' },
        candidate: { id: 7, first_name: 'Jane', last_name: 'Doe' },
        jobs: [{ id: 10, name: 'Platform Engineer', requisition_id: 'REQ-7' }],
      },
    },
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      signature: `sha256 ${createHmac('sha256', secret).update(body).digest('hex')}`,
      'greenhouse-event-id': randomUUID(),
    },
  };
}

describe('journey: an admin finds an ATS delivery that matched nothing and re-processes it', () => {
  it('shows the unmapped Greenhouse delivery, then starts its instance once the mapping exists', async () => {
    const { page, browser, server } = h;
    const journey = createJourney('ats-deliveries', page, h.consoleErrors);
    const deliveries = new DeliveriesScreen(page);
    await h.signIn();
    const api = await apiSession(browser.context, server.url);
    const { workflow } = await api.post<{ workflow: { id: string } }>('/templates/standard-hiring/fork', {
      businessUnit: 'engineering',
    });
    await api.post(`/workflows/${workflow.id}/publish`, { changelog: 'v1', baseRevision: 0 });
    const { secret } = await api.post<{ secret: string }>('/webhook-secrets', { vendor: 'greenhouse' });

    const signed = greenhouseApplication(secret, 5_550_001);
    const received = await fetch(`${server.url}/api/webhooks/greenhouse`, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
    });
    expect(received.status).toBe(202);
    const { delivery } = (await received.json()) as { delivery: string };

    await journey.step('unmapped-delivery-listed', async () => {
      await deliveries.open();
      await expect.poll(() => deliveries.row(delivery).textContent()).toContain('no mapping');
    });

    await journey.step('mapping-added-and-reprocessed', async () => {
      const detail = await deliveries.openDelivery(delivery);
      expect(await detail.textContent()).toContain('No mapping matched');
      const me = await browser.context.request.get(`${server.url}/api/auth/me`);
      const { csrfToken } = (await me.json()) as { csrfToken: string };
      const mapped = await browser.context.request.put(
        `${server.url}/api/workflows/${workflow.id}/mappings`,
        {
          headers: { 'x-csrf-token': csrfToken },
          data: {
            items: [
              {
                vendor: 'greenhouse',
                vendorEvent: 'new_candidate_application',
                startIfMissing: true,
                context: [{ field: 'requisition.id', path: 'payload.application.jobs[0].requisition_id' }],
              },
            ],
          },
        },
      );
      expect(mapped.status()).toBe(200);
      await deliveries.reprocess();
      await detail.getByText('re-processed').waitFor();
      expect(await detail.getByTestId('delivery-results').textContent()).toContain('started');
    });

    const found = await browser.context.request.get(`${server.url}/api/instances?externalRef=5550001`);
    const { items } = (await found.json()) as { items: { workflowId: string }[] };
    expect(items.map((i) => i.workflowId)).toEqual([workflow.id]);
    expect(h.consoleErrors).toEqual([]);
  });
});
