CREATE TABLE `stats_send_states` (
	`send_id` text NOT NULL,
	`state` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`send_id`, `state`)
);
--> statement-breakpoint
DROP INDEX `stats_link_recipients_first_idx`;--> statement-breakpoint
CREATE INDEX `stats_link_recipients_first_at_idx` ON `stats_link_recipients` (`mailing_id`,`link_id`,`first_at`) WHERE first_at is not null;--> statement-breakpoint
DROP INDEX `stats_recipients_opened_idx`;--> statement-breakpoint
DROP INDEX `stats_recipients_machine_idx`;--> statement-breakpoint
DROP INDEX `stats_recipients_unsubscribed_idx`;--> statement-breakpoint
DROP INDEX `stats_recipients_bounce_idx`;--> statement-breakpoint
CREATE INDEX `stats_recipients_opened_at_idx` ON `stats_recipients` (`mailing_id`,`opened_at`) WHERE opened_at is not null;--> statement-breakpoint
CREATE INDEX `stats_recipients_unsubscribed_at_idx` ON `stats_recipients` (`mailing_id`,`unsubscribed_at`) WHERE unsubscribed_at is not null;--> statement-breakpoint
CREATE INDEX `stats_recipients_bounce_at_idx` ON `stats_recipients` (`mailing_id`,`bounce_at`) WHERE bounce_at is not null;--> statement-breakpoint
-- One small trigger per kind of event, each setting only the columns it changes: SQLite rewrites
-- an index only when a column it holds is assigned, so an open touches no bounce or unsubscribe
-- index. First-seen times are set by a separate UPDATE that matches only when the time moves.
DROP TRIGGER `stats_events_insert`;
--> statement-breakpoint
DROP TRIGGER `stats_recipients_update`;
--> statement-breakpoint
DROP TRIGGER `stats_link_recipients_update`;
--> statement-breakpoint
CREATE TRIGGER `stats_events_open` AFTER INSERT ON `events` WHEN NEW.`kind` = 'open' BEGIN
  INSERT INTO `stats_mailings` (`mailing_id`, `opens`, `machine_opens`)
    VALUES (NEW.`mailing_id`, NEW.`machine` = 0, NEW.`machine` <> 0)
    ON CONFLICT (`mailing_id`) DO UPDATE SET
      `opens` = `opens` + excluded.`opens`, `machine_opens` = `machine_opens` + excluded.`machine_opens`;
  INSERT INTO `stats_timeline` (`mailing_id`, `hour`, `opens`, `machine_opens`)
    VALUES (NEW.`mailing_id`, NEW.`at` / 3600000, NEW.`machine` = 0, NEW.`machine` <> 0)
    ON CONFLICT (`mailing_id`, `hour`) DO UPDATE SET
      `opens` = `opens` + excluded.`opens`, `machine_opens` = `machine_opens` + excluded.`machine_opens`;
  INSERT INTO `stats_recipients` (`mailing_id`, `recipient_id`, `opens`, `machine_opens`, `opened_at`, `machine_at`)
    SELECT NEW.`mailing_id`, NEW.`recipient_id`, NEW.`machine` = 0, NEW.`machine` <> 0,
      CASE WHEN NEW.`machine` = 0 THEN NEW.`at` END, CASE WHEN NEW.`machine` <> 0 THEN NEW.`at` END
    WHERE NEW.`recipient_id` IS NOT NULL
    ON CONFLICT (`mailing_id`, `recipient_id`) DO UPDATE SET
      `opens` = `opens` + excluded.`opens`, `machine_opens` = `machine_opens` + excluded.`machine_opens`;
  UPDATE `stats_recipients` SET `opened_at` = NEW.`at`
    WHERE NEW.`machine` = 0 AND `mailing_id` = NEW.`mailing_id` AND `recipient_id` = NEW.`recipient_id`
      AND (`opened_at` IS NULL OR `opened_at` > NEW.`at`);
  UPDATE `stats_recipients` SET `machine_at` = NEW.`at`
    WHERE NEW.`machine` <> 0 AND `mailing_id` = NEW.`mailing_id` AND `recipient_id` = NEW.`recipient_id`
      AND (`machine_at` IS NULL OR `machine_at` > NEW.`at`);
END;
--> statement-breakpoint
CREATE TRIGGER `stats_events_click` AFTER INSERT ON `events` WHEN NEW.`kind` = 'click' BEGIN
  INSERT INTO `stats_mailings` (`mailing_id`, `clicks`, `machine_clicks`)
    VALUES (NEW.`mailing_id`, NEW.`machine` = 0, NEW.`machine` <> 0)
    ON CONFLICT (`mailing_id`) DO UPDATE SET
      `clicks` = `clicks` + excluded.`clicks`, `machine_clicks` = `machine_clicks` + excluded.`machine_clicks`;
  INSERT INTO `stats_timeline` (`mailing_id`, `hour`, `clicks`, `machine_clicks`)
    VALUES (NEW.`mailing_id`, NEW.`at` / 3600000, NEW.`machine` = 0, NEW.`machine` <> 0)
    ON CONFLICT (`mailing_id`, `hour`) DO UPDATE SET
      `clicks` = `clicks` + excluded.`clicks`, `machine_clicks` = `machine_clicks` + excluded.`machine_clicks`;
  INSERT INTO `stats_links` (`mailing_id`, `link_id`, `clicks`, `machine_clicks`)
    SELECT NEW.`mailing_id`, NEW.`link_id`, NEW.`machine` = 0, NEW.`machine` <> 0
    WHERE NEW.`link_id` IS NOT NULL
    ON CONFLICT (`mailing_id`, `link_id`) DO UPDATE SET
      `clicks` = `clicks` + excluded.`clicks`, `machine_clicks` = `machine_clicks` + excluded.`machine_clicks`;
  INSERT INTO `stats_link_recipients`
      (`mailing_id`, `link_id`, `recipient_id`, `clicks`, `machine_clicks`, `first_at`, `first_machine_at`)
    SELECT NEW.`mailing_id`, NEW.`link_id`, NEW.`recipient_id`, NEW.`machine` = 0, NEW.`machine` <> 0,
      CASE WHEN NEW.`machine` = 0 THEN NEW.`at` END, CASE WHEN NEW.`machine` <> 0 THEN NEW.`at` END
    WHERE NEW.`link_id` IS NOT NULL AND NEW.`recipient_id` IS NOT NULL
    ON CONFLICT (`mailing_id`, `link_id`, `recipient_id`) DO UPDATE SET
      `clicks` = `clicks` + excluded.`clicks`, `machine_clicks` = `machine_clicks` + excluded.`machine_clicks`;
  UPDATE `stats_link_recipients` SET `first_at` = NEW.`at`
    WHERE NEW.`machine` = 0 AND `mailing_id` = NEW.`mailing_id` AND `link_id` = NEW.`link_id`
      AND `recipient_id` = NEW.`recipient_id` AND (`first_at` IS NULL OR `first_at` > NEW.`at`);
  UPDATE `stats_link_recipients` SET `first_machine_at` = NEW.`at`
    WHERE NEW.`machine` <> 0 AND `mailing_id` = NEW.`mailing_id` AND `link_id` = NEW.`link_id`
      AND `recipient_id` = NEW.`recipient_id` AND (`first_machine_at` IS NULL OR `first_machine_at` > NEW.`at`);
  INSERT INTO `stats_recipients` (`mailing_id`, `recipient_id`, `clicks`, `machine_clicks`, `opened_at`,
      `first_click_at`, `machine_at`)
    SELECT NEW.`mailing_id`, NEW.`recipient_id`, NEW.`machine` = 0, NEW.`machine` <> 0,
      CASE WHEN NEW.`machine` = 0 THEN NEW.`at` END, CASE WHEN NEW.`machine` = 0 THEN NEW.`at` END,
      CASE WHEN NEW.`machine` <> 0 THEN NEW.`at` END
    WHERE NEW.`recipient_id` IS NOT NULL
    ON CONFLICT (`mailing_id`, `recipient_id`) DO UPDATE SET
      `clicks` = `clicks` + excluded.`clicks`, `machine_clicks` = `machine_clicks` + excluded.`machine_clicks`;
  -- A click by a person means the mail was opened, also when the pixel was blocked.
  UPDATE `stats_recipients` SET `opened_at` = NEW.`at`
    WHERE NEW.`machine` = 0 AND `mailing_id` = NEW.`mailing_id` AND `recipient_id` = NEW.`recipient_id`
      AND (`opened_at` IS NULL OR `opened_at` > NEW.`at`);
  UPDATE `stats_recipients` SET `first_click_at` = NEW.`at`
    WHERE NEW.`machine` = 0 AND `mailing_id` = NEW.`mailing_id` AND `recipient_id` = NEW.`recipient_id`
      AND (`first_click_at` IS NULL OR `first_click_at` > NEW.`at`);
  UPDATE `stats_recipients` SET `machine_at` = NEW.`at`
    WHERE NEW.`machine` <> 0 AND `mailing_id` = NEW.`mailing_id` AND `recipient_id` = NEW.`recipient_id`
      AND (`machine_at` IS NULL OR `machine_at` > NEW.`at`);
END;
--> statement-breakpoint
CREATE TRIGGER `stats_events_other` AFTER INSERT ON `events` WHEN NEW.`kind` NOT IN ('open', 'click') BEGIN
  INSERT INTO `stats_mailings` (`mailing_id`) VALUES (NEW.`mailing_id`)
    ON CONFLICT (`mailing_id`) DO NOTHING;
  INSERT INTO `stats_recipients` (`mailing_id`, `recipient_id`, `unsubscribed_at`, `complained_at`,
      `bounce`, `bounce_at`, `bounce_detail`)
    SELECT NEW.`mailing_id`, NEW.`recipient_id`,
      CASE WHEN NEW.`kind` = 'unsubscribe' THEN NEW.`at` END,
      CASE WHEN NEW.`kind` = 'complaint' THEN NEW.`at` END,
      CASE NEW.`kind` WHEN 'bounce_hard' THEN 'hard' WHEN 'bounce_soft' THEN 'soft' END,
      CASE WHEN NEW.`kind` IN ('bounce_hard', 'bounce_soft') THEN NEW.`at` END,
      CASE WHEN NEW.`kind` IN ('bounce_hard', 'bounce_soft') THEN NEW.`detail` END
    WHERE NEW.`recipient_id` IS NOT NULL
      AND NEW.`kind` IN ('unsubscribe', 'complaint', 'bounce_hard', 'bounce_soft')
    ON CONFLICT (`mailing_id`, `recipient_id`) DO UPDATE SET
      `unsubscribed_at` = coalesce(`unsubscribed_at`, excluded.`unsubscribed_at`),
      `complained_at` = coalesce(`complained_at`, excluded.`complained_at`),
      -- a hard bounce outranks a soft one
      `bounce` = CASE WHEN excluded.`bounce` = 'hard' OR `bounce` IS NULL THEN coalesce(excluded.`bounce`, `bounce`) ELSE `bounce` END,
      `bounce_at` = CASE WHEN excluded.`bounce` = 'hard' OR `bounce` IS NULL THEN coalesce(excluded.`bounce_at`, `bounce_at`) ELSE `bounce_at` END,
      `bounce_detail` = CASE WHEN excluded.`bounce` = 'hard' OR `bounce` IS NULL THEN coalesce(excluded.`bounce_detail`, `bounce_detail`) ELSE `bounce_detail` END;
END;
--> statement-breakpoint
-- People counts move only when a recipient's flags change; most updates (a second open) skip this.
CREATE TRIGGER `stats_recipients_flags` AFTER UPDATE ON `stats_recipients`
WHEN (NEW.`opens` + NEW.`clicks` > 0) <> (OLD.`opens` + OLD.`clicks` > 0)
  OR (NEW.`machine_opens` + NEW.`machine_clicks` > 0) <> (OLD.`machine_opens` + OLD.`machine_clicks` > 0)
  OR (NEW.`clicks` > 0) <> (OLD.`clicks` > 0)
  OR (NEW.`machine_clicks` > 0) <> (OLD.`machine_clicks` > 0)
  OR NEW.`unsubscribed_at` IS NOT OLD.`unsubscribed_at`
  OR NEW.`complained_at` IS NOT OLD.`complained_at`
  OR NEW.`bounce` IS NOT OLD.`bounce`
BEGIN
  UPDATE `stats_mailings` SET
    `openers` = `openers` + (NEW.`opens` + NEW.`clicks` > 0) - (OLD.`opens` + OLD.`clicks` > 0),
    `machine_openers` = `machine_openers`
      + (NEW.`opens` + NEW.`clicks` = 0 AND NEW.`machine_opens` + NEW.`machine_clicks` > 0)
      - (OLD.`opens` + OLD.`clicks` = 0 AND OLD.`machine_opens` + OLD.`machine_clicks` > 0),
    `clickers` = `clickers` + (NEW.`clicks` > 0) - (OLD.`clicks` > 0),
    `machine_clickers` = `machine_clickers` + (NEW.`clicks` = 0 AND NEW.`machine_clicks` > 0)
      - (OLD.`clicks` = 0 AND OLD.`machine_clicks` > 0),
    `unsubscribes` = `unsubscribes` + (NEW.`unsubscribed_at` IS NOT NULL) - (OLD.`unsubscribed_at` IS NOT NULL),
    `complaints` = `complaints` + (NEW.`complained_at` IS NOT NULL) - (OLD.`complained_at` IS NOT NULL),
    `bounces_hard` = `bounces_hard` + (NEW.`bounce` IS 'hard') - (OLD.`bounce` IS 'hard'),
    `bounces_soft` = `bounces_soft` + (NEW.`bounce` IS 'soft') - (OLD.`bounce` IS 'soft')
  WHERE `mailing_id` = NEW.`mailing_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_link_recipients_flags` AFTER UPDATE ON `stats_link_recipients`
WHEN (NEW.`clicks` > 0) <> (OLD.`clicks` > 0) OR (NEW.`machine_clicks` > 0) <> (OLD.`machine_clicks` > 0)
BEGIN
  UPDATE `stats_links` SET
    `clickers` = `clickers` + (NEW.`clicks` > 0) - (OLD.`clicks` > 0),
    `machine_clickers` = `machine_clickers` + (NEW.`clicks` = 0 AND NEW.`machine_clicks` > 0)
      - (OLD.`clicks` = 0 AND OLD.`machine_clicks` > 0)
  WHERE `mailing_id` = NEW.`mailing_id` AND `link_id` = NEW.`link_id`;
END;
--> statement-breakpoint
-- Job counts per send and state for "Verstuurd en bounces".
INSERT INTO `stats_send_states` (`send_id`, `state`, `count`)
  SELECT `send_id`, `state`, count(*) FROM `send_jobs` GROUP BY `send_id`, `state`;
--> statement-breakpoint
CREATE TRIGGER `stats_send_jobs_insert` AFTER INSERT ON `send_jobs` BEGIN
  INSERT INTO `stats_send_states` (`send_id`, `state`, `count`) VALUES (NEW.`send_id`, NEW.`state`, 1)
    ON CONFLICT (`send_id`, `state`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_send_jobs_state` AFTER UPDATE OF `state` ON `send_jobs`
WHEN NEW.`state` IS NOT OLD.`state` BEGIN
  UPDATE `stats_send_states` SET `count` = `count` - 1
    WHERE `send_id` = OLD.`send_id` AND `state` = OLD.`state`;
  INSERT INTO `stats_send_states` (`send_id`, `state`, `count`) VALUES (NEW.`send_id`, NEW.`state`, 1)
    ON CONFLICT (`send_id`, `state`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_send_jobs_delete` AFTER DELETE ON `send_jobs` BEGIN
  UPDATE `stats_send_states` SET `count` = `count` - 1
    WHERE `send_id` = OLD.`send_id` AND `state` = OLD.`state`;
END;
