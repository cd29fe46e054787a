import type { MachineDefinition } from '../compiler/index.ts';
import { getVersion, type HireflowDb, type VersionRow } from '../store/index.ts';

/** Versions are immutable, so their parsed definitions are cached for the life of the process. */
const cache = new WeakMap<HireflowDb, Map<string, { version: VersionRow; definition: MachineDefinition }>>();

/** The version row and its definition (the same object every time, so compiled machines are reused). */
export function loadVersion(
  db: HireflowDb,
  versionId: string,
): { version: VersionRow; definition: MachineDefinition } | undefined {
  let byId = cache.get(db);
  if (!byId) {
    byId = new Map();
    cache.set(db, byId);
  }
  const hit = byId.get(versionId);
  if (hit) return hit;
  const version = getVersion(db, versionId);
  if (!version) return undefined;
  const entry = { version, definition: version.definition as unknown as MachineDefinition };
  byId.set(versionId, entry);
  return entry;
}
