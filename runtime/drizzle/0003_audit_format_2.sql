CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instance_id` text NOT NULL,
	`idx` integer NOT NULL,
	`workflow_id` text NOT NULL,
	`version_id` text NOT NULL,
	`at` text NOT NULL,
	`body` text NOT NULL,
	`definition_hash` text,
	`snapshot_hash` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_instance_idx` ON `audit_log` (`instance_id`,`idx`);--> statement-breakpoint
CREATE TABLE `tree_heads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tree_size` integer NOT NULL,
	`root_hash` text NOT NULL,
	`heads_size` integer NOT NULL,
	`heads_root` text NOT NULL,
	`timestamp` integer NOT NULL,
	`key_id` text NOT NULL,
	`public_key` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tree_heads_size` ON `tree_heads` (`tree_size`);