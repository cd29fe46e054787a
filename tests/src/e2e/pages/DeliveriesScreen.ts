import type { Locator, Page } from 'playwright-core';

/** The ATS delivery log screen: outcome filter, list, detail with re-process. */
export class DeliveriesScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-deliveries').click();
    await this.page.getByTestId('deliveries-page').waitFor();
  }

  async filter(outcome: string): Promise<void> {
    await this.page.getByTestId('delivery-outcome').selectOption(outcome);
  }

  /** The list row of a delivery log id. */
  row(deliveryId: string): Locator {
    return this.page.getByTestId(`delivery-${deliveryId}`);
  }

  async openDelivery(deliveryId: string): Promise<Locator> {
    await this.row(deliveryId).getByRole('button').click();
    const detail = this.page.getByTestId('delivery-detail');
    await detail.getByTestId('delivery-history').waitFor();
    return detail;
  }

  async reprocess(): Promise<void> {
    await this.page.getByTestId('delivery-reprocess').click();
  }
}
