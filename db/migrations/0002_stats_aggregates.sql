CREATE TABLE `mailing_links` (
	`mailing_id` text NOT NULL,
	`link_id` integer NOT NULL,
	`url` text NOT NULL,
	PRIMARY KEY(`mailing_id`, `link_id`)
);
--> statement-breakpoint
CREATE TABLE `stats_link_recipients` (
	`mailing_id` text NOT NULL,
	`link_id` integer NOT NULL,
	`recipient_id` text NOT NULL,
	`clicks` integer DEFAULT 0 NOT NULL,
	`machine_clicks` integer DEFAULT 0 NOT NULL,
	`first_at` integer,
	`first_machine_at` integer,
	PRIMARY KEY(`mailing_id`, `link_id`, `recipient_id`)
);
--> statement-breakpoint
CREATE INDEX `stats_link_recipients_first_idx` ON `stats_link_recipients` (`mailing_id`,`link_id`,`first_at`);--> statement-breakpoint
CREATE TABLE `stats_links` (
	`mailing_id` text NOT NULL,
	`link_id` integer NOT NULL,
	`clicks` integer DEFAULT 0 NOT NULL,
	`machine_clicks` integer DEFAULT 0 NOT NULL,
	`clickers` integer DEFAULT 0 NOT NULL,
	`machine_clickers` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`mailing_id`, `link_id`)
);
--> statement-breakpoint
CREATE TABLE `stats_mailings` (
	`mailing_id` text PRIMARY KEY NOT NULL,
	`opens` integer DEFAULT 0 NOT NULL,
	`machine_opens` integer DEFAULT 0 NOT NULL,
	`clicks` integer DEFAULT 0 NOT NULL,
	`machine_clicks` integer DEFAULT 0 NOT NULL,
	`openers` integer DEFAULT 0 NOT NULL,
	`machine_openers` integer DEFAULT 0 NOT NULL,
	`clickers` integer DEFAULT 0 NOT NULL,
	`machine_clickers` integer DEFAULT 0 NOT NULL,
	`unsubscribes` integer DEFAULT 0 NOT NULL,
	`complaints` integer DEFAULT 0 NOT NULL,
	`bounces_hard` integer DEFAULT 0 NOT NULL,
	`bounces_soft` integer DEFAULT 0 NOT NULL,
	`anonymised_at` integer
);
--> statement-breakpoint
CREATE TABLE `stats_recipients` (
	`mailing_id` text NOT NULL,
	`recipient_id` text NOT NULL,
	`opens` integer DEFAULT 0 NOT NULL,
	`machine_opens` integer DEFAULT 0 NOT NULL,
	`clicks` integer DEFAULT 0 NOT NULL,
	`machine_clicks` integer DEFAULT 0 NOT NULL,
	`opened_at` integer,
	`machine_at` integer,
	`first_click_at` integer,
	`unsubscribed_at` integer,
	`complained_at` integer,
	`bounce` text,
	`bounce_at` integer,
	`bounce_detail` text,
	PRIMARY KEY(`mailing_id`, `recipient_id`)
);
--> statement-breakpoint
CREATE INDEX `stats_recipients_opened_idx` ON `stats_recipients` (`mailing_id`,`opened_at`);--> statement-breakpoint
CREATE INDEX `stats_recipients_machine_idx` ON `stats_recipients` (`mailing_id`,`machine_at`);--> statement-breakpoint
CREATE INDEX `stats_recipients_unsubscribed_idx` ON `stats_recipients` (`mailing_id`,`unsubscribed_at`);--> statement-breakpoint
CREATE INDEX `stats_recipients_bounce_idx` ON `stats_recipients` (`mailing_id`,`bounce_at`);--> statement-breakpoint
CREATE TABLE `stats_timeline` (
	`mailing_id` text NOT NULL,
	`hour` integer NOT NULL,
	`opens` integer DEFAULT 0 NOT NULL,
	`machine_opens` integer DEFAULT 0 NOT NULL,
	`clicks` integer DEFAULT 0 NOT NULL,
	`machine_clicks` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`mailing_id`, `hour`)
);
