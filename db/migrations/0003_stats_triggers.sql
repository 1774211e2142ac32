-- Statistics aggregates follow every row inserted into `events` (tracker sync, bounce mailbox).
-- An id that is already there is ignored by INSERT OR IGNORE and fires nothing, so a repeated
-- sync page counts once. Deleting per-recipient rows (anonymising) has no trigger: totals stay.
CREATE TRIGGER `stats_events_insert` AFTER INSERT ON `events` BEGIN
  INSERT INTO `stats_mailings` (`mailing_id`) VALUES (NEW.`mailing_id`)
    ON CONFLICT (`mailing_id`) DO NOTHING;
  UPDATE `stats_mailings` SET
    `opens` = `opens` + (NEW.`kind` = 'open' AND NEW.`machine` = 0),
    `machine_opens` = `machine_opens` + (NEW.`kind` = 'open' AND NEW.`machine` <> 0),
    `clicks` = `clicks` + (NEW.`kind` = 'click' AND NEW.`machine` = 0),
    `machine_clicks` = `machine_clicks` + (NEW.`kind` = 'click' AND NEW.`machine` <> 0)
  WHERE `mailing_id` = NEW.`mailing_id` AND NEW.`kind` IN ('open', 'click');
  INSERT INTO `stats_timeline` (`mailing_id`, `hour`, `opens`, `machine_opens`, `clicks`, `machine_clicks`)
    SELECT NEW.`mailing_id`, NEW.`at` / 3600000,
      (NEW.`kind` = 'open' AND NEW.`machine` = 0), (NEW.`kind` = 'open' AND NEW.`machine` <> 0),
      (NEW.`kind` = 'click' AND NEW.`machine` = 0), (NEW.`kind` = 'click' AND NEW.`machine` <> 0)
    WHERE NEW.`kind` IN ('open', 'click')
    ON CONFLICT (`mailing_id`, `hour`) DO UPDATE SET
      `opens` = `opens` + excluded.`opens`,
      `machine_opens` = `machine_opens` + excluded.`machine_opens`,
      `clicks` = `clicks` + excluded.`clicks`,
      `machine_clicks` = `machine_clicks` + excluded.`machine_clicks`;
  INSERT INTO `stats_links` (`mailing_id`, `link_id`, `clicks`, `machine_clicks`)
    SELECT NEW.`mailing_id`, NEW.`link_id`, (NEW.`machine` = 0), (NEW.`machine` <> 0)
    WHERE NEW.`kind` = 'click' AND NEW.`link_id` IS NOT NULL
    ON CONFLICT (`mailing_id`, `link_id`) DO UPDATE SET
      `clicks` = `clicks` + excluded.`clicks`,
      `machine_clicks` = `machine_clicks` + excluded.`machine_clicks`;
  INSERT INTO `stats_link_recipients`
      (`mailing_id`, `link_id`, `recipient_id`, `clicks`, `machine_clicks`, `first_at`, `first_machine_at`)
    SELECT NEW.`mailing_id`, NEW.`link_id`, NEW.`recipient_id`, (NEW.`machine` = 0), (NEW.`machine` <> 0),
      CASE WHEN NEW.`machine` = 0 THEN NEW.`at` END, CASE WHEN NEW.`machine` <> 0 THEN NEW.`at` END
    WHERE NEW.`kind` = 'click' AND NEW.`link_id` IS NOT NULL AND NEW.`recipient_id` IS NOT NULL
    ON CONFLICT (`mailing_id`, `link_id`, `recipient_id`) DO UPDATE SET
      `clicks` = `clicks` + excluded.`clicks`,
      `machine_clicks` = `machine_clicks` + excluded.`machine_clicks`,
      `first_at` = min(coalesce(`first_at`, excluded.`first_at`), coalesce(excluded.`first_at`, `first_at`)),
      `first_machine_at` = min(coalesce(`first_machine_at`, excluded.`first_machine_at`),
        coalesce(excluded.`first_machine_at`, `first_machine_at`));
  INSERT INTO `stats_recipients` (`mailing_id`, `recipient_id`, `opens`, `machine_opens`, `clicks`,
      `machine_clicks`, `opened_at`, `machine_at`, `first_click_at`, `unsubscribed_at`, `complained_at`,
      `bounce`, `bounce_at`, `bounce_detail`)
    SELECT NEW.`mailing_id`, NEW.`recipient_id`,
      (NEW.`kind` = 'open' AND NEW.`machine` = 0), (NEW.`kind` = 'open' AND NEW.`machine` <> 0),
      (NEW.`kind` = 'click' AND NEW.`machine` = 0), (NEW.`kind` = 'click' AND NEW.`machine` <> 0),
      CASE WHEN NEW.`kind` IN ('open', 'click') AND NEW.`machine` = 0 THEN NEW.`at` END,
      CASE WHEN NEW.`kind` IN ('open', 'click') AND NEW.`machine` <> 0 THEN NEW.`at` END,
      CASE WHEN NEW.`kind` = 'click' AND NEW.`machine` = 0 THEN NEW.`at` END,
      CASE WHEN NEW.`kind` = 'unsubscribe' THEN NEW.`at` END,
      CASE WHEN NEW.`kind` = 'complaint' THEN NEW.`at` END,
      CASE NEW.`kind` WHEN 'bounce_hard' THEN 'hard' WHEN 'bounce_soft' THEN 'soft' END,
      CASE WHEN NEW.`kind` IN ('bounce_hard', 'bounce_soft') THEN NEW.`at` END,
      CASE WHEN NEW.`kind` IN ('bounce_hard', 'bounce_soft') THEN NEW.`detail` END
    WHERE NEW.`recipient_id` IS NOT NULL
      AND NEW.`kind` IN ('open', 'click', 'unsubscribe', 'complaint', 'bounce_hard', 'bounce_soft')
    ON CONFLICT (`mailing_id`, `recipient_id`) DO UPDATE SET
      `opens` = `opens` + excluded.`opens`,
      `machine_opens` = `machine_opens` + excluded.`machine_opens`,
      `clicks` = `clicks` + excluded.`clicks`,
      `machine_clicks` = `machine_clicks` + excluded.`machine_clicks`,
      `opened_at` = min(coalesce(`opened_at`, excluded.`opened_at`), coalesce(excluded.`opened_at`, `opened_at`)),
      `machine_at` = min(coalesce(`machine_at`, excluded.`machine_at`), coalesce(excluded.`machine_at`, `machine_at`)),
      `first_click_at` = min(coalesce(`first_click_at`, excluded.`first_click_at`),
        coalesce(excluded.`first_click_at`, `first_click_at`)),
      `unsubscribed_at` = coalesce(`unsubscribed_at`, excluded.`unsubscribed_at`),
      `complained_at` = coalesce(`complained_at`, excluded.`complained_at`),
      -- a hard bounce outranks a soft one
      `bounce` = CASE WHEN excluded.`bounce` = 'hard' OR `bounce` IS NULL THEN coalesce(excluded.`bounce`, `bounce`) ELSE `bounce` END,
      `bounce_at` = CASE WHEN excluded.`bounce` = 'hard' OR `bounce` IS NULL THEN coalesce(excluded.`bounce_at`, `bounce_at`) ELSE `bounce_at` END,
      `bounce_detail` = CASE WHEN excluded.`bounce` = 'hard' OR `bounce` IS NULL THEN coalesce(excluded.`bounce_detail`, `bounce_detail`) ELSE `bounce_detail` END;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_recipients_insert` AFTER INSERT ON `stats_recipients` BEGIN
  UPDATE `stats_mailings` SET
    `openers` = `openers` + (NEW.`opens` + NEW.`clicks` > 0),
    `machine_openers` = `machine_openers` + (NEW.`opens` + NEW.`clicks` = 0 AND NEW.`machine_opens` + NEW.`machine_clicks` > 0),
    `clickers` = `clickers` + (NEW.`clicks` > 0),
    `machine_clickers` = `machine_clickers` + (NEW.`clicks` = 0 AND NEW.`machine_clicks` > 0),
    `unsubscribes` = `unsubscribes` + (NEW.`unsubscribed_at` IS NOT NULL),
    `complaints` = `complaints` + (NEW.`complained_at` IS NOT NULL),
    `bounces_hard` = `bounces_hard` + (NEW.`bounce` IS 'hard'),
    `bounces_soft` = `bounces_soft` + (NEW.`bounce` IS 'soft')
  WHERE `mailing_id` = NEW.`mailing_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_recipients_update` AFTER UPDATE ON `stats_recipients` BEGIN
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
CREATE TRIGGER `stats_link_recipients_insert` AFTER INSERT ON `stats_link_recipients` BEGIN
  UPDATE `stats_links` SET
    `clickers` = `clickers` + (NEW.`clicks` > 0),
    `machine_clickers` = `machine_clickers` + (NEW.`clicks` = 0 AND NEW.`machine_clicks` > 0)
  WHERE `mailing_id` = NEW.`mailing_id` AND `link_id` = NEW.`link_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_link_recipients_update` AFTER UPDATE ON `stats_link_recipients` BEGIN
  UPDATE `stats_links` SET
    `clickers` = `clickers` + (NEW.`clicks` > 0) - (OLD.`clicks` > 0),
    `machine_clickers` = `machine_clickers` + (NEW.`clicks` = 0 AND NEW.`machine_clicks` > 0)
      - (OLD.`clicks` = 0 AND OLD.`machine_clicks` > 0)
  WHERE `mailing_id` = NEW.`mailing_id` AND `link_id` = NEW.`link_id`;
END;
