/**
 * The ids of the states in an xstate state value, outermost first: `'offer'` → `['offer']`,
 * `{ checks: { bg: 'bg_run', refs: 'refs_run' } }` → `['checks', 'bg', 'bg_run', 'refs', 'refs_run']`
 * (region keys come along; they are not canvas nodes, so marking them is harmless). The server's audit
 * entries and what-if answers carry the runtime's state value as is; arrays pass through.
 */
export function toStateIds(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(toStateIds);
  if (typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => [key, ...toStateIds(inner)]);
  return [];
}
