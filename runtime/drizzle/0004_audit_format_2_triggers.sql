-- Format 2 of the audit log and its signed tree heads are append-only, like format 1.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `tree_heads_no_update` BEFORE UPDATE ON `tree_heads`
BEGIN SELECT RAISE(ABORT, 'tree heads are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `tree_heads_no_delete` BEFORE DELETE ON `tree_heads`
BEGIN SELECT RAISE(ABORT, 'tree heads are append-only'); END;
