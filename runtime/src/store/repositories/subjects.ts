import { and, eq, isNull } from 'drizzle-orm';
import type { HireflowDb } from '../openDatabase.ts';
import { type JsonObject, subjects } from '../schema/index.ts';

/** A subject (candidate, hiring manager...) under its pseudonymous id. */
export type SubjectRow = typeof subjects.$inferSelect;

/**
 * Creates or updates a subject's PII. An erased subject stays erased: its PII is not written back.
 * @returns false when the subject was erased (nothing written).
 */
export function putSubject(db: HireflowDb, subject: { id: string; kind: string; pii: JsonObject }): boolean {
  const result = db.orm
    .insert(subjects)
    .values({ id: subject.id, kind: subject.kind, pii: subject.pii })
    .onConflictDoUpdate({
      target: subjects.id,
      set: { kind: subject.kind, pii: subject.pii },
      setWhere: isNull(subjects.erasedAt),
    })
    .run();
  return result.changes === 1;
}

/** The subject, or undefined; `pii` is null once erased. */
export function getSubject(db: HireflowDb, id: string): SubjectRow | undefined {
  return db.orm.select().from(subjects).where(eq(subjects.id, id)).get();
}

/**
 * Erases a subject's PII (right to erasure). The pseudonymous id stays, so every audit chain that
 * mentions it stays intact; the caller audits the erasure on the subject's instances.
 * @returns false when there is no such subject or it was already erased.
 */
export function eraseSubject(db: HireflowDb, id: string, now: number): boolean {
  const result = db.orm
    .update(subjects)
    .set({ pii: null, erasedAt: now })
    .where(and(eq(subjects.id, id), isNull(subjects.erasedAt)))
    .run();
  return result.changes === 1;
}
