CREATE TABLE `audit_entries` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instance_id` text NOT NULL,
	`idx` integer NOT NULL,
	`workflow_id` text NOT NULL,
	`version_id` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`kind` text NOT NULL,
	`event` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`context_patch` text,
	`note` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_entries_instance_idx` ON `audit_entries` (`instance_id`,`idx`);--> statement-breakpoint
CREATE TABLE `checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`root` text NOT NULL,
	`size` integer NOT NULL,
	`heads` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `checkpoints_at` ON `checkpoints` (`at`);--> statement-breakpoint
CREATE TABLE `subjects` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`pii` text,
	`erased_at` integer
);
--> statement-breakpoint
CREATE TABLE `versions` (
	`id` text PRIMARY KEY NOT NULL,
	`workflow_id` text NOT NULL,
	`number` integer NOT NULL,
	`hash` text NOT NULL,
	`spec` text NOT NULL,
	`definition` text NOT NULL,
	`published_by` text NOT NULL,
	`published_at` integer NOT NULL,
	`changelog` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `versions_workflow_number` ON `versions` (`workflow_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `versions_workflow_hash` ON `versions` (`workflow_id`,`hash`);--> statement-breakpoint
CREATE TABLE `workflows` (
	`id` text PRIMARY KEY NOT NULL,
	`business_unit` text,
	`name` text NOT NULL,
	`draft_spec` text NOT NULL,
	`draft_revision` integer DEFAULT 0 NOT NULL,
	`routing` text DEFAULT '{"defaultVersion":null}' NOT NULL,
	`forked_from` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `workflows_business_unit` ON `workflows` (`business_unit`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`response` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text,
	`effect_key` text NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_effect_key_unique` ON `outbox` (`effect_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_instance` ON `outbox` (`instance_id`) WHERE instance_id is not null;--> statement-breakpoint
CREATE TABLE `approval_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`state_id` text NOT NULL,
	`step_id` text NOT NULL,
	`approver` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`decided_by` text,
	`decision` text,
	`comment` text,
	`delegated_to` text,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approval_tasks_instance_step` ON `approval_tasks` (`instance_id`,`state_id`,`step_id`);--> statement-breakpoint
CREATE INDEX `approval_tasks_open` ON `approval_tasks` (`status`) WHERE status = 'open';--> statement-breakpoint
CREATE TABLE `instances` (
	`id` text PRIMARY KEY NOT NULL,
	`workflow_id` text NOT NULL,
	`version_id` text NOT NULL,
	`subject_id` text,
	`business_unit` text NOT NULL,
	`environment` text DEFAULT 'production' NOT NULL,
	`snapshot` text NOT NULL,
	`state_value` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`owner_json` text,
	`entered_at` integer NOT NULL,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instances_workflow_state` ON `instances` (`workflow_id`,`state_value`);--> statement-breakpoint
CREATE INDEX `instances_business_unit_state` ON `instances` (`business_unit`,`state_value`);--> statement-breakpoint
CREATE INDEX `instances_subject` ON `instances` (`subject_id`);--> statement-breakpoint
CREATE TABLE `timers` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`send_id` text NOT NULL,
	`delay_name` text NOT NULL,
	`event` text NOT NULL,
	`due_at` integer NOT NULL,
	`status` text DEFAULT 'armed' NOT NULL,
	`deferred_until` integer,
	`fired_at` integer,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `timers_instance_send` ON `timers` (`instance_id`,`send_id`);--> statement-breakpoint
CREATE INDEX `timers_armed_due` ON `timers` (`due_at`) WHERE status = 'armed';