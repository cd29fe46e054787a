import type { Locator, Page } from 'playwright-core';

/** The in-browser simulator: start, advance the business-time clock, read the step log. */
export class SimulatePanel {
  constructor(readonly page: Page) {}

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async start(context: Record<string, unknown> = {}): Promise<void> {
    await this.byTestId('side-tab-simulate').click();
    await this.byTestId('sim-context').fill(JSON.stringify(context));
    await this.byTestId('sim-start').click();
    await this.byTestId('sim-active').waitFor();
  }

  async activeStates(): Promise<string> {
    return (await this.byTestId('sim-active').textContent()) ?? '';
  }

  /** Escalation rows of the step log (timer firings). */
  escalations(): Locator {
    return this.byTestId('sim-log').locator('li.is-escalation');
  }

  /** Clicks "+1 business day" until an escalation shows up in the log (at most `maxDays`). */
  async advanceUntilEscalation(maxDays = 15): Promise<number> {
    for (let day = 1; day <= maxDays; day += 1) {
      await this.byTestId('sim-plus-day').click();
      if ((await this.escalations().count()) > 0) return day;
    }
    throw new Error(`no escalation after ${maxDays} business days`);
  }

  /** The button of one drawn transition (fires exactly that transition when enabled). */
  transition(transitionId: string): Locator {
    return this.byTestId(`sim-transition-${transitionId}`);
  }

  /** The Approve / Reject / Delegate row of one simulated approver (e.g. `sim:approver:1`). */
  approver(actorId: string): Locator {
    return this.byTestId(`sim-approver-${actorId}`);
  }

  logText(): Promise<string> {
    return this.byTestId('sim-log')
      .textContent()
      .then((text) => text ?? '');
  }
}
