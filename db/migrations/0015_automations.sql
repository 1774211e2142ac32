CREATE TABLE `automation_keys` (
	`automation_id` text NOT NULL,
	`normalized_email` text NOT NULL,
	`item` text NOT NULL,
	`run_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`automation_id`) REFERENCES `automations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_keys_idx` ON `automation_keys` (`automation_id`,`normalized_email`,`item`);--> statement-breakpoint
CREATE TABLE `automation_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`automation_id` text NOT NULL,
	`source_key` text NOT NULL,
	`file_name` text,
	`state` text NOT NULL,
	`selection_id` text,
	`run_mailing_id` text,
	`send_id` text,
	`rows` integer DEFAULT 0 NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	`credits` integer DEFAULT 0 NOT NULL,
	`skipped` text DEFAULT '{}' NOT NULL,
	`reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`automation_id`) REFERENCES `automations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_runs_source_idx` ON `automation_runs` (`automation_id`,`source_key`);--> statement-breakpoint
CREATE INDEX `automation_runs_state_idx` ON `automation_runs` (`state`);--> statement-breakpoint
CREATE TABLE `automations` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`mailing_id` text NOT NULL,
	`settings` text NOT NULL,
	`status` text NOT NULL,
	`pause_reason` text,
	`mailing_hash` text,
	`confirmed` text DEFAULT '[]' NOT NULL,
	`activated_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
