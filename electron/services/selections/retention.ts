import type { AppContext } from '../core/appContext';
import { DAY } from '../core/clock';
import { addMonths, KEPT_MONTHS } from './ages';
import { selectionStoreOf } from './selectionStore';

/**
 * Selections older than three months go, with their contacts (ON DELETE CASCADE) and their
 * links to mailings: personal data is not kept longer than the shopkeeper needs it.
 */
export function removeExpiredSelections(context: AppContext): number {
  const cutoff = addMonths(context.clock.now(), -KEPT_MONTHS);
  return selectionStoreOf(context.database.sqlite).removeCreatedUpTo(cutoff);
}

/** At start and then daily. */
export function scheduleSelectionRetention(context: AppContext): { stop(): void } {
  const run = () => {
    try {
      const removed = removeExpiredSelections(context);
      if (removed > 0)
        context.logger.info(`removed ${removed} selection(s) older than three months`);
    } catch (error) {
      context.logger.warn('selection retention failed', error);
    }
  };
  run();
  const timer = setInterval(run, DAY);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
