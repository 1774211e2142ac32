CREATE TABLE `follow_ups` (
	`original_mailing_id` text PRIMARY KEY NOT NULL,
	`days` integer NOT NULL,
	`subject` text NOT NULL,
	`due_at` integer NOT NULL,
	`state` text NOT NULL,
	`confirmed` text DEFAULT '[]' NOT NULL,
	`estimated_recipients` integer NOT NULL,
	`estimated_credits` integer NOT NULL,
	`follow_up_mailing_id` text,
	`send_id` text,
	`error_key` text,
	`error_params` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`original_mailing_id`) REFERENCES `mailings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`follow_up_mailing_id`) REFERENCES `mailings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`send_id`) REFERENCES `sends`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_state_due_idx` ON `follow_ups` (`state`,`due_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_follow_up_mailing_idx` ON `follow_ups` (`follow_up_mailing_id`);