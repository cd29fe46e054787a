import type { Page } from 'playwright-core';
import { type HeadlessChromium, launchChromium } from './chromium.ts';
import { E2E_ADMIN, type HireflowProcess, startHireflow } from './hireflowServer.ts';
import { AppShell } from './pages/AppShell.ts';

/** A started server, a browser page on it, and the page objects of the shell. */
export interface E2EHarness {
  server: HireflowProcess;
  browser: HeadlessChromium;
  page: Page;
  app: AppShell;
  /** Signs in as the first admin through the sign-in form. */
  signIn(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a fresh server (own database) and a fresh browser for one spec file. Browser console errors
 * are collected so a journey can assert the page logged none.
 */
export async function openHarness(): Promise<E2EHarness & { consoleErrors: string[] }> {
  const server = await startHireflow();
  let browser: HeadlessChromium;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(20_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // The designer asks `/api/auth/me` before sign-in on purpose; that 401 is not an error.
    if (message.type() === 'error' && !message.text().includes('status of 401'))
      consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const app = new AppShell(page, server.url);
  return {
    server,
    browser,
    page,
    app,
    consoleErrors,
    signIn: () => app.signIn(E2E_ADMIN.email, E2E_ADMIN.password),
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}
