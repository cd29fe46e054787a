import type { Locator, Page } from 'playwright-core';

/** The signed-out and list screens: sign-in, navigation, workflows, templates, approvals inbox. */
export class AppShell {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Opens the designer and signs in through the form; resolves once the navigation bar shows. */
  async signIn(email: string, password: string): Promise<void> {
    await this.page.goto(this.baseUrl);
    await this.byTestId('login-email').fill(email);
    await this.byTestId('login-password').fill(password);
    await this.byTestId('login-submit').click();
    await this.byTestId('nav-workflows').waitFor();
  }

  async openWorkflows(): Promise<void> {
    await this.byTestId('nav-workflows').click();
    await this.page.locator('[data-testid="workflow-list"], [data-testid="empty-state"]').first().waitFor();
  }

  async openTemplates(): Promise<void> {
    await this.byTestId('nav-templates').click();
    await this.byTestId('template-gallery').waitFor();
  }

  async openInbox(): Promise<void> {
    await this.byTestId('nav-inbox').click();
    await this.page.locator('#hf-inbox-title').waitFor();
  }

  /**
   * "Use template" on one card of the gallery; a user without a business unit names one first.
   * Resolves with the new workflow's id once its editor shows.
   */
  async useTemplate(templateId: string, businessUnit?: string): Promise<string> {
    if (businessUnit !== undefined) await this.byTestId('fork-business-unit').fill(businessUnit);
    await this.byTestId(`use-template-${templateId}`).click();
    await this.byTestId('editor').waitFor();
    const match = /#\/workflows\/([^/?]+)/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`the editor opened at an unexpected address: ${this.page.url()}`);
    return decodeURIComponent(match[1]);
  }
}
