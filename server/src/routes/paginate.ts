import { ProblemError } from '../http/ProblemError.ts';

/** A page of a list answer (docs/api.md). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Cuts an ordered list into a page after `cursor` (the key of the last item already seen). The cursor
 * is the item key itself, base64url-encoded so it stays opaque to clients.
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  query: { limit: number; cursor?: string | undefined },
): Page<T> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const start = after === undefined ? 0 : items.findIndex((item) => keyOf(item) > after);
  const rest = start < 0 ? [] : items.slice(start);
  const page = rest.slice(0, query.limit);
  const last = page.at(-1);
  const more = rest.length > page.length && last !== undefined;
  return { items: page, nextCursor: more ? Buffer.from(keyOf(last)).toString('base64url') : null };
}

/** The key inside a cursor this API issued; anything else is refused rather than read as "the end". */
function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString();
  if (key === '' || Buffer.from(key).toString('base64url') !== cursor) {
    throw new ProblemError('BAD_REQUEST', 'The cursor query parameter is not a cursor this API returned');
  }
  return key;
}
