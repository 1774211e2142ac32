CREATE TABLE `web_versions` (
	`mailing_id` text PRIMARY KEY NOT NULL,
	`requested_at` integer NOT NULL,
	`uploaded_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_attempt_at` integer,
	`last_error` text,
	FOREIGN KEY (`mailing_id`) REFERENCES `mailings`(`id`) ON UPDATE no action ON DELETE cascade
);
