/** Sandboxes: their own SQLite file and manual clock each, and synthetic candidates and requisitions. */
export {
  createSandboxManager,
  type Sandbox,
  SandboxError,
  type SandboxInfo,
  type SandboxManager,
} from './sandboxManager.ts';
export { seededRandom, syntheticContext, syntheticSubjects } from './syntheticSubjects.ts';
