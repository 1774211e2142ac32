-- Opens and clicks come only from the tracker sync, which now sums each page in memory and writes
-- one upsert per mailing, hour, link and recipient (electron/services/sync/pageAggregates.ts):
-- several statements per event in a trigger made a 100,000-event sync far too slow. Bounces,
-- complaints and unsubscribes (rare, and written by the bounce mailbox too) keep their trigger.
DROP TRIGGER `stats_events_open`;
--> statement-breakpoint
DROP TRIGGER `stats_events_click`;
