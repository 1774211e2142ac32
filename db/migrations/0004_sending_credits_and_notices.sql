ALTER TABLE `sends` ADD `credits_per_mail` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `sends` ADD `credits_commit_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sends` ADD `credits_commit_pending` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sends` ADD `credits_released_at` integer;--> statement-breakpoint
ALTER TABLE `sends` ADD `skipped` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `sends` ADD `pause_detail` text;--> statement-breakpoint
ALTER TABLE `sends` ADD `started_late_at` integer;