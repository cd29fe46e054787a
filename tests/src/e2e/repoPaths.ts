import { fileURLToPath } from 'node:url';

/** The repository root (this file is tests/src/e2e/repoPaths.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where the built designer lives; the server serves it from here. */
export const DESIGNER_DIST = fileURLToPath(new URL('../../../designer/dist/', import.meta.url));
/** Screenshots of the journeys (git-ignored). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../artifacts/', import.meta.url));
