import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './repoPaths.ts';

/**
 * Vitest global setup of the `tests` project: the browser journeys need the built designer, which
 * the server serves from designer/dist. Build it once here (not per test) when it is missing or its
 * sources changed since the last build (the same stamp check `pnpm start` uses), so a journey never
 * drives a stale build.
 */
export default function buildDesignerOnce(): void {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'buildDesignerIfChanged.mjs')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}
