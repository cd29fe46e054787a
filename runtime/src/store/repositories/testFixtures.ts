import type { HireflowDb } from '../openDatabase.ts';
import { insertInstance } from './instances.ts';
import { insertVersion, type VersionRow } from './versions.ts';
import { createWorkflow } from './workflows.ts';

/** A workflow `w` with version 1 and an instance `i1` on it, the minimum most repository tests need. */
export function seedInstance(db: HireflowDb, instanceId = 'i1'): VersionRow {
  createWorkflow(db, { id: 'w', name: 'Engineering hiring', businessUnit: 'eng', draftSpec: {}, now: 0 });
  const version = insertVersion(db, {
    workflowId: 'w',
    number: 1,
    hash: 'a'.repeat(64),
    spec: {} as VersionRow['spec'],
    definition: { id: 'w' },
    publishedBy: 'u-designer',
    publishedAt: 0,
  });
  insertInstance(db, {
    id: instanceId,
    workflowId: 'w',
    versionId: version.id,
    businessUnit: 'eng',
    snapshot: { value: 'screening' },
    stateValue: 'screening',
    now: 1000,
  });
  return version;
}
