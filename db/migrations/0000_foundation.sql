CREATE TABLE `images` (
	`id` text PRIMARY KEY NOT NULL,
	`mailing_id` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`sha256` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`mailing_id`) REFERENCES `mailings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `images_mailing_idx` ON `images` (`mailing_id`);--> statement-breakpoint
CREATE TABLE `mailings` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`top_line` text DEFAULT '' NOT NULL,
	`from_id` text,
	`reply_to` text DEFAULT '' NOT NULL,
	`document` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`template_key` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`content_changed_at` integer NOT NULL,
	`last_test_at` integer,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `mailings_status_idx` ON `mailings` (`status`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`selection_id` text NOT NULL,
	`email` text NOT NULL,
	`normalized_email` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`row_number` integer NOT NULL,
	FOREIGN KEY (`selection_id`) REFERENCES `selections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_selection_idx` ON `contacts` (`selection_id`);--> statement-breakpoint
CREATE INDEX `contacts_email_idx` ON `contacts` (`normalized_email`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`signature` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mailing_selections` (
	`mailing_id` text NOT NULL,
	`selection_id` text NOT NULL,
	FOREIGN KEY (`selection_id`) REFERENCES `selections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mailing_selections_idx` ON `mailing_selections` (`mailing_id`,`selection_id`);--> statement-breakpoint
CREATE TABLE `selections` (
	`id` text PRIMARY KEY NOT NULL,
	`description` text NOT NULL,
	`file_name` text NOT NULL,
	`created_at` integer NOT NULL,
	`mapping` text DEFAULT '{}' NOT NULL,
	`extra_columns` text DEFAULT '[]' NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`consent_confirmed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `resubscribe_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`normalized_email` text NOT NULL,
	`requested_at` integer NOT NULL,
	`confirmed_at` integer
);
--> statement-breakpoint
CREATE TABLE `soft_bounces` (
	`email_hash` text PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`last_at` integer NOT NULL,
	`last_reason` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `suppression` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`normalized_email` text,
	`email_hash` text NOT NULL,
	`reason` text NOT NULL,
	`source` text DEFAULT 'app' NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suppression_hash_idx` ON `suppression` (`email_hash`);--> statement-breakpoint
CREATE INDEX `suppression_email_idx` ON `suppression` (`normalized_email`);--> statement-breakpoint
CREATE TABLE `send_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`send_id` text NOT NULL,
	`mailing_id` text NOT NULL,
	`contact_id` integer,
	`email` text NOT NULL,
	`normalized_email` text NOT NULL,
	`recipient_id` text NOT NULL,
	`message_id` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_at` integer,
	`last_error` text,
	`sent_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`send_id`) REFERENCES `sends`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `send_jobs_mailing_email_idx` ON `send_jobs` (`mailing_id`,`normalized_email`);--> statement-breakpoint
CREATE INDEX `send_jobs_send_state_idx` ON `send_jobs` (`send_id`,`state`);--> statement-breakpoint
CREATE INDEX `send_jobs_recipient_idx` ON `send_jobs` (`recipient_id`);--> statement-breakpoint
CREATE INDEX `send_jobs_email_sent_idx` ON `send_jobs` (`normalized_email`,`sent_at`);--> statement-breakpoint
CREATE TABLE `sends` (
	`id` text PRIMARY KEY NOT NULL,
	`mailing_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`state` text NOT NULL,
	`pause_reason` text,
	`scheduled_at` integer,
	`started_at` integer,
	`finished_at` integer,
	`recipients` integer DEFAULT 0 NOT NULL,
	`credits_reserved` integer DEFAULT 0 NOT NULL,
	`credits_committed` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`mailing_id`) REFERENCES `mailings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sends_idempotency_idx` ON `sends` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `sends_state_idx` ON `sends` (`state`);--> statement-breakpoint
CREATE TABLE `credit_ledger` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`delta` integer NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`mailing_id` text NOT NULL,
	`recipient_id` text,
	`kind` text NOT NULL,
	`link_id` integer,
	`machine` integer DEFAULT false NOT NULL,
	`at` integer NOT NULL,
	`detail` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_mailing_kind_idx` ON `events` (`mailing_id`,`kind`);--> statement-breakpoint
CREATE INDEX `events_recipient_idx` ON `events` (`recipient_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
