CREATE TABLE `subject_keys` (
	`subject_id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`created_at` integer NOT NULL
);
