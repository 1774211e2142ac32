-- The statistics rules (what an open, click, bounce, complaint or unsubscribe adds to the
-- aggregates, and who counts as an opener or clicker) now live in TypeScript only
-- (electron/services/stats/rules, written by stats/statsAggregateStore.ts). These triggers held
-- the rest of them. The stats_send_jobs_* triggers stay: they count jobs per send and state.
DROP TRIGGER `stats_events_other`;
--> statement-breakpoint
DROP TRIGGER `stats_recipients_insert`;
--> statement-breakpoint
DROP TRIGGER `stats_recipients_flags`;
--> statement-breakpoint
DROP TRIGGER `stats_link_recipients_insert`;
--> statement-breakpoint
DROP TRIGGER `stats_link_recipients_flags`;
