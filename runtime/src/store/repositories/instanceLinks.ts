import { eq, or } from 'drizzle-orm';
import type { HireflowDb } from '../openDatabase.ts';
import { instanceLinks } from '../schema/index.ts';

/** A link between two instances, e.g. a ticket opened by an instance's `openTicket` effect. */
export type InstanceLinkRow = typeof instanceLinks.$inferSelect;

/** A link seen from one instance: `opened` = this instance opened the other; `openedBy` = the reverse. */
export interface LinkedInstance {
  instanceId: string;
  direction: 'opened' | 'openedBy';
  kind: string;
  effectKey: string | null;
  createdAt: number;
}

/** Records that `sourceId` opened `targetId`; false when the pair is already linked (redelivery). */
export function linkInstances(
  db: HireflowDb,
  link: { sourceId: string; targetId: string; kind: string; effectKey?: string; now: number },
): boolean {
  return (
    db.orm
      .insert(instanceLinks)
      .values({
        sourceId: link.sourceId,
        targetId: link.targetId,
        kind: link.kind,
        effectKey: link.effectKey ?? null,
        createdAt: link.now,
      })
      .onConflictDoNothing()
      .run().changes === 1
  );
}

/** Both directions: the instances `instanceId` opened and the one(s) that opened it, oldest first. */
export function listLinkedInstances(db: HireflowDb, instanceId: string): LinkedInstance[] {
  return db.orm
    .select()
    .from(instanceLinks)
    .where(or(eq(instanceLinks.sourceId, instanceId), eq(instanceLinks.targetId, instanceId)))
    .all()
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((row) =>
      row.sourceId === instanceId
        ? {
            instanceId: row.targetId,
            direction: 'opened',
            kind: row.kind,
            effectKey: row.effectKey,
            createdAt: row.createdAt,
          }
        : {
            instanceId: row.sourceId,
            direction: 'openedBy',
            kind: row.kind,
            effectKey: row.effectKey,
            createdAt: row.createdAt,
          },
    );
}
