import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One AES-256 data key per subject (crypto-shredding). Every personal value about the subject —
 * `pii` context fields in snapshots and audit entries, notes, free-text payload values — is stored
 * encrypted under this key; erasure deletes the row, which makes every copy of those ciphertexts
 * (in the append-only log, in exports) unreadable without touching a hashed byte.
 */
export const subjectKeys = sqliteTable('subject_keys', {
  /** The pseudonymous subject id (`sub_…`), or `instance:<id>` for an instance without a subject. */
  subjectId: text('subject_id').primaryKey(),
  /** 32 random bytes, base64. */
  key: text('key').notNull(),
  createdAt: integer('created_at').notNull(),
});
