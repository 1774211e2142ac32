CREATE TABLE `contact_values` (
	`contact_id` integer NOT NULL,
	`selection_id` text NOT NULL,
	`column` text NOT NULL,
	`number` real,
	`day` integer,
	`lowered` text NOT NULL,
	PRIMARY KEY(`contact_id`, `column`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`selection_id`) REFERENCES `selections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_values_lowered_idx` ON `contact_values` (`selection_id`,`column`,`lowered`);--> statement-breakpoint
CREATE INDEX `contact_values_number_idx` ON `contact_values` (`selection_id`,`column`,`number`) WHERE number is not null;--> statement-breakpoint
CREATE INDEX `contact_values_day_idx` ON `contact_values` (`selection_id`,`column`,`day`) WHERE day is not null;--> statement-breakpoint
CREATE TABLE `mailing_segments` (
	`mailing_id` text PRIMARY KEY NOT NULL,
	`definition` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `saved_segments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`definition` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_segments_name_unique` ON `saved_segments` (`name`);--> statement-breakpoint
CREATE TABLE `selection_column_types` (
	`selection_id` text PRIMARY KEY NOT NULL,
	`types` text NOT NULL,
	FOREIGN KEY (`selection_id`) REFERENCES `selections`(`id`) ON UPDATE no action ON DELETE cascade
);
