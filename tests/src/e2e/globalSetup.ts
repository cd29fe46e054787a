import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DESIGNER_DIST, REPO_ROOT } from './repoPaths.ts';

/**
 * Vitest global setup of the `tests` project: the browser journeys need the built designer, which
 * the server serves from designer/dist. Build it once here (not per test) when it is missing.
 */
export default function buildDesignerOnce(): void {
  if (existsSync(join(DESIGNER_DIST, 'index.html'))) return;
  console.log('[tests] designer/dist is missing: building the designer once…');
  execFileSync('pnpm', ['--filter', '@hireflow/designer', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
