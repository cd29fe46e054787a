CREATE TABLE `server_chat_channels` (
	`id` text PRIMARY KEY NOT NULL,
	`business_unit` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`url` text NOT NULL,
	`roles` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `server_chat_channels_unit` ON `server_chat_channels` (`business_unit`);--> statement-breakpoint
CREATE TABLE `server_effect_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` text NOT NULL,
	`effect_id` text NOT NULL,
	`action` text NOT NULL,
	`reason` text
);
--> statement-breakpoint
CREATE TABLE `server_notification_preferences` (
	`user_id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`in_app` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `server_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `server_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`effect_key` text NOT NULL,
	`instance_id` text,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`in_app` integer NOT NULL,
	`digest_pending` integer NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `server_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `server_notifications_dedupe` ON `server_notifications` (`user_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `server_notifications_digest` ON `server_notifications` (`digest_pending`,`user_id`);--> statement-breakpoint
CREATE TABLE `server_notify_progress` (
	`effect_key` text NOT NULL,
	`channel` text NOT NULL,
	`done_at` integer NOT NULL,
	PRIMARY KEY(`effect_key`, `channel`)
);
--> statement-breakpoint
CREATE TABLE `server_sandbox_delivery` (
	`name` text PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
