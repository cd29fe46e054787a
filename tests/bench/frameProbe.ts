import type { Page } from 'playwright-core';

/**
 * Page-side frame recorder: `requestAnimationFrame` deltas while a scripted interaction runs. Installed
 * with `page.evaluate` (the DevTools protocol is not subject to the page's CSP).
 */
export async function startFrameProbe(page: Page): Promise<void> {
  // A string, not a function: tsx (esbuild keepNames) would wrap the inner function in a `__name`
  // helper that does not exist in the page.
  await page.evaluate(`(() => {
    const probe = { deltas: [], last: 0, running: true };
    window.__frames = probe;
    const tick = (now) => {
      if (!probe.running) return;
      if (probe.last > 0) probe.deltas.push(now - probe.last);
      probe.last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

/** Stops the recorder and returns the frame deltas in milliseconds. */
export async function stopFrameProbe(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __frames: { deltas: number[]; running: boolean } }).__frames;
    probe.running = false;
    return probe.deltas;
  });
}

/** The p-th percentile (0–100) of a sample, nearest-rank. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Frames per second over a run of frame deltas. */
export function framesPerSecond(deltas: readonly number[]): number {
  const total = deltas.reduce((sum, d) => sum + d, 0);
  return total > 0 ? (deltas.length * 1000) / total : Number.NaN;
}

/** A scripted drag: press at `from`, move by (dx, dy) in `steps` mouse events, release. */
export async function scriptedDrag(
  page: Page,
  from: { x: number; y: number },
  delta: { dx: number; dy: number },
  steps: number,
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i += 1) {
    // A hand moves back and forth; so does the script, so the node stays on screen.
    const phase = Math.sin((i / steps) * Math.PI * 2);
    await page.mouse.move(from.x + delta.dx * phase, from.y + delta.dy * (i / steps));
  }
  await page.mouse.up();
}
