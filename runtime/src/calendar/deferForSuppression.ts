/** A suppression window as the deferral needs it; `from`/`to` as instants or ISO strings with offset. */
export interface SuppressionInterval {
  id: string;
  from: Date | string;
  to: Date | string;
}

/** Where a due time ended up after suppression windows. */
export interface DeferredDue {
  due: Date;
  /** The window that contained the original due time (the one reaching furthest when several did). */
  deferredBy?: string;
  /** Every window that moved the due time, in order, when windows overlap or chain. */
  chain?: string[];
}

/**
 * Move a due time out of suppression windows: a due time inside a window `[from, to)` moves to the
 * window's end; if that end lies inside another window (overlapping or back-to-back windows), it moves
 * again, until it is outside every window. A due time exactly at a window's start is deferred; one exactly
 * at its end is not (the window is over). Windows that end before they start are ignored.
 *
 * Pure: which windows apply to an instance (their `when` guard) is the caller's decision.
 *
 * @example
 * deferForSuppression(new Date('2026-03-02T10:00:00Z'), [
 *   { id: 'freeze', from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' },
 * ]); // { due: 2026-03-08T00:00:00Z, deferredBy: 'freeze', chain: ['freeze'] }
 */
export function deferForSuppression(due: Date, windows: readonly SuppressionInterval[]): DeferredDue {
  let at = due.getTime();
  if (!Number.isFinite(at)) throw new RangeError('the due date is invalid');
  const spans = windows
    .map((window) => ({ id: window.id, from: toMs(window.from), to: toMs(window.to) }))
    .filter((span) => span.from < span.to);

  const chain: string[] = [];
  for (;;) {
    // Of the windows containing the current due time, the one ending last decides where it moves.
    let reach: { id: string; to: number } | undefined;
    for (const span of spans) {
      if (span.from <= at && at < span.to && (reach === undefined || span.to > reach.to)) reach = span;
    }
    if (reach === undefined) break;
    chain.push(reach.id);
    at = reach.to;
  }
  if (chain.length === 0) return { due };
  return { due: new Date(at), deferredBy: chain[0], chain };
}

function toMs(value: Date | string): number {
  // Invalid bounds give NaN, which fails `from < to` and drops the window.
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}
