import type Database from 'better-sqlite3';
import { fillSampleCustomer } from '../../contract/plain/variables';
import type { EventOutput } from '../../../tracker/api/schemas';
import type { SuppressionStore } from '../suppression/suppressionStore';
import { PageAggregates } from '../stats/rules/pageAggregates';
import { statsAggregatesOf, type StatsAggregateStore } from '../stats/statsAggregateStore';
import { SyncEventStore } from './syncEventStore';
import { isTestRecipient } from '../tracking/testRecipients';

export interface AppliedPage {
  /** Events stored for the first time (a repeated page gives 0). */
  inserted: number;
  unsubscribed: number;
  /** Confirmations of a re-subscription by a person (machines are ignored): request ids. */
  confirmations: string[];
}

/**
 * Stores one page of tracker events and the cursor after it in one transaction, so a crash or a
 * lost connection never leaves a page half applied, and a page fetched twice changes nothing
 * (events.id is the primary key; only new rows are counted). Unsubscribes go
 * to the suppression list at once: the next claim of the send queue already skips them.
 */
export class EventApplier {
  private readonly events: SyncEventStore;
  private readonly aggregates: StatsAggregateStore;
  private readonly applyPage: (
    events: readonly EventOutput[],
    saveCursor: () => void,
  ) => AppliedPage;

  constructor(
    sqlite: Database.Database,
    private readonly suppression: SuppressionStore,
  ) {
    this.events = new SyncEventStore(sqlite);
    this.aggregates = statsAggregatesOf(sqlite);
    this.applyPage = this.events.transaction(
      (events: readonly EventOutput[], saveCursor: () => void) => {
        const result: AppliedPage = { inserted: 0, unsubscribed: 0, confirmations: [] };
        const page = new PageAggregates();
        for (const event of events) this.applyOne(event, result, page);
        this.aggregates.writePage(page);
        saveCursor();
        return result;
      },
    );
  }

  apply(events: readonly EventOutput[], saveCursor: () => void): AppliedPage {
    return this.applyPage(events, saveCursor);
  }

  private applyOne(event: EventOutput, result: AppliedPage, page: PageAggregates): void {
    if (event.kind === 'confirm') {
      // The recipient of a confirm token is the re-subscribe request; a link scanner is no consent.
      if (!event.machine && event.recipient) result.confirmations.push(event.recipient);
      return;
    }
    // A test mail's open, click or unsubscribe: never in the statistics, never an unsubscribe.
    if (isTestRecipient(event.recipient)) return;
    const parsed = Date.parse(event.at);
    const at = Number.isFinite(parsed) ? parsed : 0;
    const stored = this.events.insert(
      event.id,
      event.mailing,
      event.recipient,
      event.kind,
      event.link,
      event.machine,
      at,
      event.machineReason ?? '',
    );
    if (!stored) return;
    result.inserted += 1;
    if (event.kind === 'open' || event.kind === 'click') {
      page.add({
        kind: event.kind,
        mailingId: event.mailing,
        recipientId: event.recipient,
        linkId: event.link,
        machine: event.machine,
        at,
      });
    } else {
      this.aggregates.recordOutcome({
        mailingId: event.mailing,
        recipientId: event.recipient,
        kind: event.kind,
        at,
        detail: event.machineReason ?? '',
      });
    }
    if (event.kind === 'unsubscribe' && event.recipient) {
      const email = this.events.emailOf(event.recipient, event.mailing);
      // The block list's "Toelichting" names the mailing the way the shop knows it: its subject.
      const subject = this.events.mailingSubject(event.mailing);
      const detail = subject ? fillSampleCustomer(subject) : event.mailing;
      if (email && this.suppression.suppress(email, 'unsubscribed', 'tracker', detail)) {
        result.unsubscribed += 1;
      }
    }
  }
}
