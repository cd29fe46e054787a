import type { PersistedSnapshot } from '../engine/step.ts';
import type { InstanceRow } from '../store/index.ts';
import { openSealed } from './protect.ts';
import type { SubjectVault } from './subjectVault.ts';

/**
 * The instance's snapshot with its sealed personal values opened, in process, for the engine and its
 * guards. Values whose key was erased read as null.
 */
export function openSnapshot(row: InstanceRow, vault: SubjectVault): PersistedSnapshot {
  const stored = row.snapshot as unknown as PersistedSnapshot;
  return { ...stored, context: openSealed(stored.context, vault) as PersistedSnapshot['context'] };
}
