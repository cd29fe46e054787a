/**
 * A cost bound for CEL guards, in the spirit of Kubernetes' CEL admission limits: every node costs
 * one unit, and a list macro (`all`, `exists`, `exists_one`, `map`, `filter`) costs its body once per
 * element of the list it walks. Nested macros multiply, which is what makes a short guard expensive.
 *
 * CEL has no loops besides these macros, so the bound is sound as long as list sizes are: at compile
 * time a list of unknown size is assumed to hold {@link ASSUMED_LIST_SIZE} elements; at run time the
 * same estimate is made with the actual sizes of the values the guard sees, BEFORE evaluating it.
 */

/** What the CEL parser produces (`@marcbachmann/cel-js` AST nodes: `op` plus `args`). */
export interface CelNode {
  op: string;
  args: unknown;
}

/** A collection's size and, for a list of lists, the size of its largest element. */
export interface Size {
  len: number;
  elem?: Size | undefined;
}

/** Where sizes come from: assumptions from the schema at compile time, values at run time. */
export interface SizeOracle {
  /** The size of the value at a variable path (`['tags']`, `['event', 'items']`). */
  ofPath(path: readonly string[]): Size;
  /** Any other collection (computed, or reached through an index or an iteration variable). */
  readonly unknown: Size;
}

/** Compile-time size of a list whose size nothing states (a `string[]` field, an event payload list). */
export const ASSUMED_LIST_SIZE = 100;
/** The compile-time limit: over it the guard gets a `GUARD_TOO_COSTLY` diagnostic. */
export const GUARD_COST_LIMIT = 50_000;
/** The run-time budget: over it the guard is denied with `GUARD_ERROR` without being evaluated. */
export const GUARD_RUNTIME_BUDGET = 100_000;

const LIST_MACROS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

const isNode = (value: unknown): value is CelNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'op' in value;

function children(node: CelNode): CelNode[] {
  const out: CelNode[] = [];
  const visit = (value: unknown): void => {
    if (isNode(value)) out.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
  };
  visit(node.args);
  return out;
}

/** A macro call `receiver.name(iterVar, ...body)`, or undefined. */
function asMacro(node: CelNode): { receiver: CelNode; iterVar: string; body: CelNode[] } | undefined {
  if (node.op !== 'rcall' || !Array.isArray(node.args)) return undefined;
  const [name, receiver, params] = node.args as [unknown, unknown, unknown];
  if (typeof name !== 'string' || !LIST_MACROS.has(name) || !isNode(receiver) || !Array.isArray(params))
    return undefined;
  const [iter, ...body] = params as unknown[];
  if (!isNode(iter) || iter.op !== 'id' || typeof iter.args !== 'string' || !body.every(isNode))
    return undefined;
  return { receiver, iterVar: iter.args, body: body as CelNode[] };
}

/** The element-wise maximum of two sizes (depth-capped: "unknown" sizes contain themselves). */
const larger = (a: Size | undefined, b: Size | undefined, depth = 0): Size | undefined =>
  a === undefined || a === b
    ? b
    : b === undefined
      ? a
      : depth > 8
        ? a.len >= b.len
          ? a
          : b
        : { len: Math.max(a.len, b.len), elem: larger(a.elem, b.elem, depth + 1) };

/** `event.items` → `['event', 'items']`; undefined when the chain does not start at a plain name. */
function selectPath(node: CelNode): string[] | undefined {
  if (node.op === 'id' && typeof node.args === 'string') return [node.args];
  if (node.op === '.' && Array.isArray(node.args)) {
    const [target, field] = node.args as [unknown, unknown];
    const head = isNode(target) ? selectPath(target) : undefined;
    return head && typeof field === 'string' ? [...head, field] : undefined;
  }
  return undefined;
}

type Scope = ReadonlyMap<string, Size>;

function sizeOf(node: CelNode, scope: Scope, oracle: SizeOracle): Size {
  const path = selectPath(node);
  if (path !== undefined) {
    const [root] = path;
    if (root !== undefined && scope.has(root)) {
      return path.length === 1 ? (scope.get(root) ?? oracle.unknown) : oracle.unknown;
    }
    return oracle.ofPath(path);
  }
  if (node.op === 'list') {
    const items = children(node);
    return {
      len: items.length,
      elem: items
        .map((item) => sizeOf(item, scope, oracle))
        .reduce<Size | undefined>((max, size) => larger(max, size), undefined),
    };
  }
  if (node.op === 'map' && Array.isArray(node.args)) return { len: node.args.length };
  if (node.op === '+') {
    const [left, right] = children(node).map((part) => sizeOf(part, scope, oracle));
    return { len: (left?.len ?? 0) + (right?.len ?? 0), elem: larger(left?.elem, right?.elem) };
  }
  if (node.op === '?:') {
    const [, whenTrue, whenFalse] = children(node);
    return (
      larger(whenTrue && sizeOf(whenTrue, scope, oracle), whenFalse && sizeOf(whenFalse, scope, oracle)) ??
      oracle.unknown
    );
  }
  const macro = asMacro(node);
  if (macro && (node.args as unknown[])[0] === 'filter') return sizeOf(macro.receiver, scope, oracle);
  if (macro && (node.args as unknown[])[0] === 'map') {
    const over = sizeOf(macro.receiver, scope, oracle);
    const inner = new Map(scope).set(macro.iterVar, over.elem ?? oracle.unknown);
    const transform = macro.body.at(-1);
    return { len: over.len, elem: transform && sizeOf(transform, inner, oracle) };
  }
  return oracle.unknown;
}

/**
 * The cost bound of a parsed guard: one unit per node evaluation, macros multiplied by the size of
 * the list they walk. Saturates at `Number.MAX_SAFE_INTEGER`.
 */
export function estimateGuardCost(node: CelNode, oracle: SizeOracle, scope: Scope = new Map()): number {
  const macro = asMacro(node);
  if (macro === undefined) {
    return children(node).reduce((sum, child) => saturate(sum + estimateGuardCost(child, oracle, scope)), 1);
  }
  const over = sizeOf(macro.receiver, scope, oracle);
  const inner = new Map(scope).set(macro.iterVar, over.elem ?? oracle.unknown);
  const perElement = macro.body.reduce(
    (sum, part) => saturate(sum + estimateGuardCost(part, oracle, inner)),
    1,
  );
  return saturate(1 + estimateGuardCost(macro.receiver, oracle, scope) + over.len * perElement);
}

/** Does the guard walk any list? Guards without a macro cost their node count and need no budget. */
export function hasListMacro(node: CelNode): boolean {
  return asMacro(node) !== undefined || children(node).some(hasListMacro);
}

const saturate = (n: number): number => Math.min(n, Number.MAX_SAFE_INTEGER);
