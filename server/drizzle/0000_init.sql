CREATE TABLE `server_access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` text NOT NULL,
	`action` text NOT NULL,
	`target` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `server_api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `server_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `server_api_tokens_token_hash_unique` ON `server_api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `server_api_tokens_user` ON `server_api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `server_event_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`workflow_id` text NOT NULL,
	`vendor` text NOT NULL,
	`vendor_event` text NOT NULL,
	`stage` text,
	`workflow_event` text NOT NULL,
	`act_as_role` text DEFAULT 'recruiter' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `server_event_mappings_lookup` ON `server_event_mappings` (`vendor`,`vendor_event`);--> statement-breakpoint
CREATE TABLE `server_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `server_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `server_sessions_user` ON `server_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `server_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`roles` text NOT NULL,
	`business_units` text NOT NULL,
	`deactivated_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `server_users_email_unique` ON `server_users` (`email`);--> statement-breakpoint
CREATE TABLE `server_webhook_inbox` (
	`vendor` text NOT NULL,
	`delivery_id` text NOT NULL,
	`received_at` integer NOT NULL,
	`vendor_event` text NOT NULL,
	`outcome` text NOT NULL,
	`instance_id` text,
	PRIMARY KEY(`vendor`, `delivery_id`)
);
--> statement-breakpoint
CREATE TABLE `server_webhook_secrets` (
	`id` text PRIMARY KEY NOT NULL,
	`vendor` text NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE TABLE `server_workflow_meta` (
	`workflow_id` text PRIMARY KEY NOT NULL,
	`updated_by` text NOT NULL,
	`archived_at` integer
);
