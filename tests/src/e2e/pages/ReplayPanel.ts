import type { Locator, Page } from 'playwright-core';

/** Instances of the open workflow and the audit replay timeline of one of them. */
export class ReplayPanel {
  constructor(readonly page: Page) {}

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async openInstance(instanceId: string): Promise<void> {
    await this.byTestId('side-tab-instances').click();
    await this.byTestId(`instance-${instanceId}`).click();
    await this.byTestId('replay-timeline').waitFor();
  }

  async verification(): Promise<string> {
    return (await this.byTestId('verify-result').textContent()) ?? '';
  }

  /** Moves the scrubber to one audit entry (0-based) and returns what the entry panel says. */
  async scrubTo(index: number): Promise<string> {
    await this.byTestId('replay-scrubber').fill(String(index));
    return (await this.byTestId('replay-entry').textContent()) ?? '';
  }
}
