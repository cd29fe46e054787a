/**
 * `pnpm --filter @hireflow/tests bench`: the designer in headless Chromium, each figure beside a blank
 * page measured in the same run (same browser, same scripted input), and the initial JavaScript size.
 * Prints figure, value, baseline, ratio and target like runtime/bench/run.ts. Missed targets are
 * printed (MISSED), not failed: a shared 2-core machine makes frame times noisy.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../src/e2e/chromium.ts';
import { DESIGNER_DIST } from '../src/e2e/repoPaths.ts';
import { type BenchRow, printTable, row } from './benchTable.ts';
import { framesPerSecond, percentile, scriptedDrag, startFrameProbe, stopFrameProbe } from './frameProbe.ts';
import { initialJsGzipBytes } from './initialJs.ts';
import { BLANK_PATH, serveDist } from './staticDist.ts';

const DRAG_STEPS = 90;

/** Opens `#/playground/<n>` and resolves when the canvas shows its states (ms since navigation). */
async function openGenerated(page: Page, url: string, states: number): Promise<number> {
  await page.goto(`${url}/#/playground/${states}`);
  await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  return page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  );
}

/** A point inside the canvas pane that no state covers (the top-left corner of the pane). */
async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no canvas pane');
  return { x: box.x + 12, y: box.y + 12 };
}

/** Frame deltas of the same scripted drag on the blank page. */
async function blankDrag(page: Page, url: string): Promise<number[]> {
  await page.goto(`${url}${BLANK_PATH}`);
  await startFrameProbe(page);
  await scriptedDrag(page, { x: 640, y: 400 }, { dx: 200, dy: 120 }, DRAG_STEPS);
  return stopFrameProbe(page);
}

async function benchDrag(page: Page, url: string, blank: number[]): Promise<BenchRow> {
  await openGenerated(page, url, 625);
  // Zoom in on one state so the drag moves a card a user can see, with the rest of the graph mounted.
  const node = page.locator('[data-testid="node-stage_300"]');
  await node.waitFor();
  const box = await node.boundingBox();
  if (!box) throw new Error('stage_300 is not on screen');
  await startFrameProbe(page);
  await scriptedDrag(page, { x: box.x + box.width / 2, y: box.y + 8 }, { dx: 200, dy: 120 }, DRAG_STEPS);
  const deltas = await stopFrameProbe(page);
  const p95 = percentile(deltas, 95);
  return row('drag a state, 625 states / 624 transitions: p95 frame', p95, 'ms', percentile(blank, 95), {
    target: '<= 16.7 ms',
    met: p95 <= 16.7,
  });
}

async function benchLargeCanvas(page: Page, url: string, blank: number[]): Promise<BenchRow> {
  await openGenerated(page, url, 1000);
  await startFrameProbe(page);
  // Pan the whole 1,000-state canvas around (drag on the empty pane).
  await scriptedDrag(page, await emptyCanvasPoint(page), { dx: 300, dy: 200 }, DRAG_STEPS);
  const fps = framesPerSecond(await stopFrameProbe(page));
  return row('pan a 1,000-state canvas: frames per second', fps, 'fps', framesPerSecond(blank), {
    target: '>= 30 fps',
    met: fps >= 30,
  });
}

async function benchNavigation(page: Page, url: string): Promise<BenchRow> {
  await page.goto(`${url}${BLANK_PATH}`);
  const blank = await page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  );
  const canvas = await openGenerated(page, url, 300);
  // Interactive: a click on a state selects it and the inspector answers.
  await page.locator('[data-testid="node-stage_1"] .hf-node__title').click();
  await page.getByTestId('state-inspector').waitFor();
  return row('navigate to an interactive 300-state canvas', canvas, 'ms', blank, {
    target: '< 1500 ms',
    met: canvas < 1500,
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(DESIGNER_DIST, 'index.html')))
    throw new Error('designer/dist is missing: run `pnpm --filter @hireflow/designer build` first');
  const rows: BenchRow[] = [];
  const gzip = initialJsGzipBytes(DESIGNER_DIST);
  rows.push(
    row(
      'initial JavaScript (gzip, entry + modulepreload)',
      gzip.total / 1024,
      'kB',
      gzip.largestLazy / 1024,
      {
        target: '<= 350 kB (baseline: largest lazy chunk)',
        met: gzip.total <= 350 * 1024,
      },
    ),
  );
  const dist = await serveDist(DESIGNER_DIST);
  const browser = await launchChromium();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const blank = await blankDrag(page, dist.url);
    rows.push(await benchDrag(page, dist.url, blank));
    rows.push(await benchLargeCanvas(page, dist.url, blank));
    rows.push(await benchNavigation(page, dist.url));
  } finally {
    await browser.close();
    await dist.close();
  }
  printTable(rows);
  const [load] = loadavg();
  console.log(
    `\n${cpus().length} CPUs, load average ${load?.toFixed(2)} (a busy machine inflates frame times)`,
  );
}

await main();
