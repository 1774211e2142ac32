CREATE TABLE `bounce_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_hash` text NOT NULL,
	`received_at` integer,
	`processed_at` integer NOT NULL,
	`kind` text NOT NULL,
	`email` text,
	`job_id` integer,
	`send_id` text,
	`mailing_id` text,
	`matched_by` text,
	`status` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`event_id` text,
	`effects` text DEFAULT '{}' NOT NULL,
	`undone_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bounce_messages_source_idx` ON `bounce_messages` (`source_hash`);--> statement-breakpoint
CREATE INDEX `bounce_messages_processed_idx` ON `bounce_messages` (`processed_at`);--> statement-breakpoint
CREATE INDEX `bounce_messages_email_idx` ON `bounce_messages` (`email`);--> statement-breakpoint
CREATE INDEX `bounce_messages_mailing_idx` ON `bounce_messages` (`mailing_id`);