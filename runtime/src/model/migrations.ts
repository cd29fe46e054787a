/**
 * Numbered migrations of stored specs. Migration `n` upgrades a spec of schemaVersion `n` to `n + 1`.
 * They work on plain JSON before validation, so a spec saved by any earlier release still opens.
 */
type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** 1 → 2: states were an object keyed by id; they are an ordered array of states with ids. */
function statesKeyedById(spec: JsonObject): JsonObject {
  const toArray = (states: unknown): unknown => {
    if (!isObject(states)) return states;
    return Object.entries(states).map(([id, state]) => {
      if (!isObject(state)) return state;
      const regions = Array.isArray(state.regions)
        ? state.regions.map((region) =>
            isObject(region) ? { ...region, states: toArray(region.states) } : region,
          )
        : state.regions;
      return { id, ...state, ...(regions === undefined ? {} : { regions }) };
    });
  };
  return { ...spec, states: toArray(spec.states), schemaVersion: 2 };
}

export const SPEC_MIGRATIONS: Readonly<Record<number, (spec: JsonObject) => JsonObject>> = {
  1: statesKeyedById,
};

export class SpecMigrationError extends Error {
  readonly code = 'SPEC_INVALID';
}

/** Upgrades a stored spec to the current schema version; specs without a version are treated as version 1. */
export function migrateSpec(input: unknown, targetVersion: number): unknown {
  if (!isObject(input)) return input;
  let spec: JsonObject = input;
  let version = typeof spec.schemaVersion === 'number' ? spec.schemaVersion : 1;
  if (version > targetVersion) {
    throw new SpecMigrationError(
      `This workflow was saved by a newer Hireflow (schema ${version}); this one reads up to ${targetVersion}.`,
    );
  }
  while (version < targetVersion) {
    const migrate = SPEC_MIGRATIONS[version];
    if (!migrate) throw new SpecMigrationError(`No migration from schema version ${version}.`);
    spec = migrate(spec);
    version += 1;
  }
  return spec;
}
