import { customType } from 'drizzle-orm/sqlite-core';
import { canonicalJson } from '../../compiler/canonical.ts';

/** An xstate state value: a state id, or a map of region → state value for parallel states. */
export type InstanceStateValue = string | { [region: string]: InstanceStateValue };

/**
 * A text column holding canonical JSON (sorted keys). Equal values give equal text, so a state
 * value can be filtered with `=` and served by an index.
 */
export const canonicalJsonText = customType<{ data: InstanceStateValue; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => canonicalJson(value),
  fromDriver: (text) => JSON.parse(text) as InstanceStateValue,
});
