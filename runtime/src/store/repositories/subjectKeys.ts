import { eq } from 'drizzle-orm';
import type { HireflowDb } from '../openDatabase.ts';
import { subjectKeys } from '../schema/index.ts';

/** The subject's data key (base64), or undefined when none exists (never created, or erased). */
export function getSubjectKey(db: HireflowDb, subjectId: string): string | undefined {
  return db.orm
    .select({ key: subjectKeys.key })
    .from(subjectKeys)
    .where(eq(subjectKeys.subjectId, subjectId))
    .get()?.key;
}

/** Stores a new data key unless one exists; returns the key in force. */
export function putSubjectKey(db: HireflowDb, subjectId: string, key: string, now: number): string {
  db.orm.insert(subjectKeys).values({ subjectId, key, createdAt: now }).onConflictDoNothing().run();
  return getSubjectKey(db, subjectId) ?? key;
}

/** Deletes the subject's data key (crypto-shredding); true when there was one. */
export function deleteSubjectKey(db: HireflowDb, subjectId: string): boolean {
  return db.orm.delete(subjectKeys).where(eq(subjectKeys.subjectId, subjectId)).run().changes === 1;
}
