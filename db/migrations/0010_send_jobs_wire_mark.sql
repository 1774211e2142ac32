ALTER TABLE `send_jobs` ADD `wire_at` integer;--> statement-breakpoint
-- A job an older version left in "sending" may have been on the wire when it stopped: it counts as
-- uncertain (never sent again by itself), as a marked job would.
UPDATE `send_jobs` SET `wire_at` = `updated_at` WHERE `state` = 'sending';