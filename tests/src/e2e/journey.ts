import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './repoPaths.ts';

/** A named journey whose every step ends with a screenshot in tests/artifacts/<journey>/<nn-step>.png. */
export interface Journey {
  step<T>(name: string, run: () => Promise<T>): Promise<T>;
}

/**
 * Starts a journey: clears its artifact folder, then numbers each step. A failing step is
 * screenshotted too (as `<nn-step>-failed.png`) so the picture shows what the test saw, and the
 * page's console errors are added to the failure.
 */
export function createJourney(name: string, page: Page, pageErrors: readonly string[] = []): Journey {
  const dir = join(ARTIFACTS_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let count = 0;
  return {
    async step(stepName, run) {
      count += 1;
      const file = `${String(count).padStart(2, '0')}-${stepName}`;
      try {
        const result = await run();
        await page.screenshot({ path: join(dir, `${file}.png`) });
        return result;
      } catch (error) {
        await page.screenshot({ path: join(dir, `${file}-failed.png`) }).catch(() => undefined);
        // What the page itself reported is usually the real cause (a render error leaves a blank page).
        if (error instanceof Error && pageErrors.length > 0)
          error.message += `\n\npage errors:\n${pageErrors.join('\n')}`;
        throw error;
      }
    },
  };
}
