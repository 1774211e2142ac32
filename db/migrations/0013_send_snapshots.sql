CREATE TABLE `send_snapshots` (
	`send_id` text PRIMARY KEY NOT NULL,
	`mailing_id` text NOT NULL,
	`content_hash` text NOT NULL,
	`snapshot` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`send_id`) REFERENCES `sends`(`id`) ON UPDATE no action ON DELETE no action
);
