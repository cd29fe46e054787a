/**
 * The server's one door into the runtime's Node entry. The runtime's root `src/index.ts` (engine,
 * store) does not exist yet, so the store is reached by relative path here and nowhere else; when
 * `@hireflow/runtime` exports it, only this file changes.
 */
export { type HireflowDb, openDatabase } from '../../runtime/src/store/openDatabase.ts';
export { type InstanceRow, listInstances } from '../../runtime/src/store/repositories/instances.ts';
export {
  getLatestVersion,
  getVersion,
  insertVersion,
  listVersions,
  toVersionId,
  type VersionRow,
} from '../../runtime/src/store/repositories/versions.ts';
export {
  createWorkflow,
  getWorkflow,
  listWorkflows,
  setRouting,
  updateDraft,
  type WorkflowRow,
} from '../../runtime/src/store/repositories/workflows.ts';
export { isUniqueViolation, StoreError } from '../../runtime/src/store/StoreError.ts';
