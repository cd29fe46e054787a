CREATE TABLE `server_webhook_bodies` (
	`delivery_id` text PRIMARY KEY NOT NULL,
	`external_ref` text,
	`body` blob NOT NULL,
	`headers` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `server_webhook_deliveries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `server_webhook_bodies_ref` ON `server_webhook_bodies` (`external_ref`);--> statement-breakpoint
CREATE INDEX `server_webhook_bodies_expiry` ON `server_webhook_bodies` (`expires_at`);--> statement-breakpoint
CREATE TABLE `server_webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`vendor` text NOT NULL,
	`vendor_delivery_id` text,
	`dedupe_key` text,
	`body_digest` text NOT NULL,
	`body_bytes` integer NOT NULL,
	`received_at` integer NOT NULL,
	`vendor_event` text,
	`external_ref` text,
	`stage` text,
	`outcome` text NOT NULL,
	`reason` text,
	`results` text NOT NULL,
	`business_units` text NOT NULL,
	`duplicate_of` text,
	`attempts` integer DEFAULT 1 NOT NULL,
	`last_processed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `server_webhook_deliveries_dedupe` ON `server_webhook_deliveries` (`vendor`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `server_webhook_deliveries_received` ON `server_webhook_deliveries` (`received_at`);--> statement-breakpoint
CREATE INDEX `server_webhook_deliveries_ref` ON `server_webhook_deliveries` (`external_ref`);--> statement-breakpoint
CREATE TABLE `server_webhook_delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	FOREIGN KEY (`delivery_id`) REFERENCES `server_webhook_deliveries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `server_webhook_delivery_attempts_delivery` ON `server_webhook_delivery_attempts` (`delivery_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_server_event_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`workflow_id` text NOT NULL,
	`vendor` text NOT NULL,
	`vendor_event` text NOT NULL,
	`stage` text,
	`workflow_event` text,
	`start_if_missing` integer DEFAULT false NOT NULL,
	`context` text DEFAULT '[]' NOT NULL,
	`act_as_role` text DEFAULT 'recruiter' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_server_event_mappings`("id", "workflow_id", "vendor", "vendor_event", "stage", "workflow_event", "act_as_role", "created_at") SELECT "id", "workflow_id", "vendor", "vendor_event", "stage", "workflow_event", "act_as_role", "created_at" FROM `server_event_mappings`;--> statement-breakpoint
DROP TABLE `server_event_mappings`;--> statement-breakpoint
ALTER TABLE `__new_server_event_mappings` RENAME TO `server_event_mappings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `server_event_mappings_lookup` ON `server_event_mappings` (`vendor`,`vendor_event`);