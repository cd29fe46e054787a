-- The audit log is append-only and published versions are immutable: the database itself refuses
-- UPDATE and DELETE, so no code path (or a stray SQL console) can rewrite history.
CREATE TRIGGER `audit_entries_no_update` BEFORE UPDATE ON `audit_entries`
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_entries_no_delete` BEFORE DELETE ON `audit_entries`
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `versions_no_update` BEFORE UPDATE ON `versions`
BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `versions_no_delete` BEFORE DELETE ON `versions`
BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
