import type { Locator, Page } from 'playwright-core';

/** Publishing, version history and the visual diff of a server-backed workflow. */
export class PublishPanel {
  constructor(readonly page: Page) {}

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Waits until autosave has stored the draft. */
  async waitUntilSaved(): Promise<void> {
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="save-status"]')?.textContent === 'All changes saved',
    );
  }

  /** Publish dialog → changelog → Publish; resolves when the dialog has closed. */
  async publish(changelog: string): Promise<void> {
    await this.byTestId('publish').click();
    await this.byTestId('publish-changelog').fill(changelog);
    await this.byTestId('publish-confirm').click();
    await this.byTestId('publish-dialog').waitFor({ state: 'detached' });
  }

  async openVersions(): Promise<void> {
    await this.byTestId('side-tab-versions').click();
    await this.byTestId('versions-panel').waitFor();
  }

  version(n: number): Locator {
    return this.byTestId(`version-${n}`);
  }

  /** Compares two versions (or the draft); resolves when the diff list shows. */
  async compare(from: number, to: number | 'draft'): Promise<Locator> {
    await this.byTestId('diff-from').selectOption(String(from));
    await this.byTestId('diff-to').selectOption(String(to));
    await this.byTestId('diff-run').click();
    const list = this.byTestId('diff-list');
    await list.waitFor();
    return list;
  }

  /**
   * Publish dialog with the choice of making the new version the default or publishing only; returns
   * what the dialog promised about new instances, and resolves once the success notice shows.
   */
  async publishChoosing(
    changelog: string,
    makeDefault: boolean,
  ): Promise<{ promise: string; notice: string }> {
    await this.byTestId('publish').click();
    await this.byTestId('publish-changelog').fill(changelog);
    await this.byTestId(makeDefault ? 'publish-make-default' : 'publish-only').check();
    await this.page.waitForFunction(
      () => !document.querySelector('[data-testid="publish-routing"]')?.textContent?.startsWith('Reading'),
    );
    const promise = (await this.byTestId('publish-routing').textContent()) ?? '';
    await this.byTestId('publish-confirm').click();
    await this.byTestId('publish-dialog').waitFor({ state: 'detached' });
    const notice = (await this.byTestId('publish-notice').textContent()) ?? '';
    return { promise, notice };
  }
}
