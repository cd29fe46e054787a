CREATE TABLE `instance_links` (
	`source_id` text NOT NULL,
	`target_id` text NOT NULL,
	`kind` text NOT NULL,
	`effect_key` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`source_id`, `target_id`),
	FOREIGN KEY (`source_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instance_links_target` ON `instance_links` (`target_id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `resolved_by` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `resolved_note` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `resolved_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_listing` ON `outbox` (`created_at`,`effect_key`);