import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { HireflowDb } from '../openDatabase.ts';
import { preparedFor } from '../prepared.ts';
import { isUniqueViolation, StoreError } from '../StoreError.ts';
import { versions } from '../schema/index.ts';

/** A published, immutable version. */
export type VersionRow = typeof versions.$inferSelect;
/** A version without its (large) spec and definition, for lists. */
export type VersionSummary = Omit<VersionRow, 'spec' | 'definition'>;
/** What {@link insertVersion} needs; `id` defaults to {@link toVersionId}. */
export type NewVersion = Omit<VersionRow, 'id' | 'changelog'> & { id?: string; changelog?: string };

/** The conventional version id: `<workflowId>@<number>`. */
export function toVersionId(workflowId: string, number: number): string {
  return `${workflowId}@${number}`;
}

const statements = preparedFor(({ orm }) => ({
  get: orm
    .select()
    .from(versions)
    .where(eq(versions.id, sql.placeholder('id')))
    .prepare(),
  byHash: orm
    .select()
    .from(versions)
    .where(
      and(eq(versions.workflowId, sql.placeholder('workflowId')), eq(versions.hash, sql.placeholder('hash'))),
    )
    .prepare(),
  latest: orm
    .select()
    .from(versions)
    .where(eq(versions.workflowId, sql.placeholder('workflowId')))
    .orderBy(desc(versions.number))
    .limit(1)
    .prepare(),
}));

/**
 * Stores a published version. Versions are never updated or deleted (triggers refuse it).
 * @throws StoreError `STORE_CONFLICT` when the number or the hash already exists for the workflow.
 */
export function insertVersion(db: HireflowDb, version: NewVersion): VersionRow {
  const id = version.id ?? toVersionId(version.workflowId, version.number);
  try {
    return db.orm
      .insert(versions)
      .values({ ...version, id, changelog: version.changelog ?? '' })
      .returning()
      .get();
  } catch (cause) {
    if (isUniqueViolation(cause)) {
      throw new StoreError(
        'STORE_CONFLICT',
        `workflow ${version.workflowId} already has version ${version.number} or hash ${version.hash}`,
        { cause },
      );
    }
    throw cause;
  }
}

/** The version with this id, or undefined. */
export function getVersion(db: HireflowDb, id: string): VersionRow | undefined {
  return statements(db).get.get({ id });
}

/** The workflow's version with this content hash (publishing unchanged content finds it). */
export function getVersionByHash(db: HireflowDb, workflowId: string, hash: string): VersionRow | undefined {
  return statements(db).byHash.get({ workflowId, hash });
}

/** The workflow's highest-numbered version, or undefined before the first publish. */
export function getLatestVersion(db: HireflowDb, workflowId: string): VersionRow | undefined {
  return statements(db).latest.get({ workflowId });
}

/** The workflow's versions, oldest first, without spec and definition. */
export function listVersions(db: HireflowDb, workflowId: string): VersionSummary[] {
  return db.orm
    .select({
      id: versions.id,
      workflowId: versions.workflowId,
      number: versions.number,
      hash: versions.hash,
      publishedBy: versions.publishedBy,
      publishedAt: versions.publishedAt,
      changelog: versions.changelog,
    })
    .from(versions)
    .where(eq(versions.workflowId, workflowId))
    .orderBy(asc(versions.number))
    .all();
}
