import { and, asc, count, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { HireflowDb } from '../openDatabase.ts';
import { instances, OUTBOX_STATUSES, type OutboxStatus, outbox } from '../schema/index.ts';
import type { OutboxRow } from './outbox.ts';

/** Which effects {@link listEffects} and {@link countEffectsByStatus} look at. All optional. */
export interface EffectFilter {
  status?: OutboxStatus | readonly OutboxStatus[];
  instanceId?: string;
  /** Effect type, e.g. `hireflow.webhook`. */
  type?: string;
  /** Only effects of instances in these business units (`'*'` or absent: all). */
  businessUnits?: readonly string[] | '*';
}

/** Paging of {@link listEffects}: `after` is a cursor from {@link effectCursor}. */
export interface EffectPage {
  limit?: number;
  after?: string;
  /** `asc` (oldest first, the default) or `desc` (newest first). */
  order?: 'asc' | 'desc';
}

/** An opaque cursor pointing just after `row` in {@link listEffects} order. */
export function effectCursor(row: Pick<OutboxRow, 'createdAt' | 'effectKey'>): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.effectKey])).toString('base64url');
}

/** Decodes a cursor; undefined when it is not one of ours (callers answer 400 naming `cursor`). */
export function parseEffectCursor(cursor: string): { createdAt: number; effectKey: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string')
      return { createdAt: value[0], effectKey: value[1] };
  } catch {
    // fall through: not a cursor
  }
  return undefined;
}

function conditions(db: HireflowDb, filter: EffectFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.status !== undefined)
    where.push(inArray(outbox.status, ([] as OutboxStatus[]).concat(filter.status)));
  if (filter.instanceId !== undefined) where.push(eq(outbox.instanceId, filter.instanceId));
  if (filter.type !== undefined) where.push(eq(outbox.type, filter.type));
  const units = filter.businessUnits;
  if (units !== undefined && units !== '*') {
    const inUnits = db.orm
      .select({ id: instances.id })
      .from(instances)
      .where(inArray(instances.businessUnit, [...units]));
    where.push(inArray(outbox.instanceId, inUnits));
  }
  return where;
}

/**
 * Effects matching `filter`, ordered by creation time then effect key (oldest first unless
 * `order: 'desc'`), at most `limit` (default 100) after the `after` cursor. Throws on a bad cursor.
 */
export function listEffects(db: HireflowDb, filter: EffectFilter & EffectPage = {}): OutboxRow[] {
  const where = conditions(db, filter);
  const desc_ = filter.order === 'desc';
  if (filter.after !== undefined) {
    const cursor = parseEffectCursor(filter.after);
    if (!cursor) throw new RangeError('cursor: not a cursor of this list');
    const beyond = desc_ ? lt : gt;
    const after = or(
      beyond(outbox.createdAt, cursor.createdAt),
      and(eq(outbox.createdAt, cursor.createdAt), beyond(outbox.effectKey, cursor.effectKey)),
    );
    if (after) where.push(after);
  }
  const direction = desc_ ? desc : asc;
  return db.orm
    .select()
    .from(outbox)
    .where(and(...where))
    .orderBy(direction(outbox.createdAt), direction(outbox.effectKey))
    .limit(filter.limit ?? 100)
    .all();
}

/** How many effects are in each status (every status present, zero when none), for a status page. */
export function countEffectsByStatus(
  db: HireflowDb,
  filter: Omit<EffectFilter, 'status'> = {},
): Record<OutboxStatus, number> {
  const where = conditions(db, filter);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  const rows = db.orm
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .where(and(...where))
    .groupBy(outbox.status)
    .all();
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
