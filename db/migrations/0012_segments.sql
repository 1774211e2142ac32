CREATE TABLE `contact_fields` (
	`contact_id` integer PRIMARY KEY NOT NULL,
	`selection_id` text NOT NULL,
	`v0` real,
	`v1` real,
	`v2` real,
	`v3` real,
	`v4` real,
	`v5` real,
	`v6` real,
	`v7` real,
	`v8` real,
	`v9` real,
	`v10` real,
	`v11` real,
	`v12` real,
	`v13` real,
	`v14` real,
	`v15` real,
	`t0` text,
	`t1` text,
	`t2` text,
	`t3` text,
	`t4` text,
	`t5` text,
	`t6` text,
	`t7` text,
	`t8` text,
	`t9` text,
	`t10` text,
	`t11` text,
	`t12` text,
	`t13` text,
	`t14` text,
	`t15` text,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`selection_id`) REFERENCES `selections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_fields_selection_idx` ON `contact_fields` (`selection_id`);--> statement-breakpoint
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
