import type Database from 'better-sqlite3';
import type { EventOutput } from '../../../tracker/api/schemas';
import type { SuppressionStore } from '../suppression/suppressionStore';

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
 * (events.id is the primary key; the statistics triggers fire only for new rows). Unsubscribes go
 * to the suppression list at once: the next claim of the send queue already skips them.
 */
export class EventApplier {
  private readonly insert: Database.Statement;
  private readonly recipientEmail: Database.Statement;
  private readonly recipientEmailAnyMailing: Database.Statement;
  private readonly applyPage: (
    events: readonly EventOutput[],
    saveCursor: () => void,
  ) => AppliedPage;

  constructor(
    sqlite: Database.Database,
    private readonly suppression: SuppressionStore,
  ) {
    this.insert = sqlite.prepare(
      `insert or ignore into events (id, mailing_id, recipient_id, kind, link_id, machine, at, detail)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.recipientEmail = sqlite
      .prepare('select email from send_jobs where recipient_id = ? and mailing_id = ? limit 1')
      .pluck();
    this.recipientEmailAnyMailing = sqlite
      .prepare('select email from send_jobs where recipient_id = ? limit 1')
      .pluck();
    this.applyPage = sqlite.transaction(
      (events: readonly EventOutput[], saveCursor: () => void) => {
        const result: AppliedPage = { inserted: 0, unsubscribed: 0, confirmations: [] };
        for (const event of events) this.applyOne(event, result);
        saveCursor();
        return result;
      },
    );
  }

  apply(events: readonly EventOutput[], saveCursor: () => void): AppliedPage {
    return this.applyPage(events, saveCursor);
  }

  private applyOne(event: EventOutput, result: AppliedPage): void {
    if (event.kind === 'confirm') {
      // The recipient of a confirm token is the re-subscribe request; a link scanner is no consent.
      if (!event.machine && event.recipient) result.confirmations.push(event.recipient);
      return;
    }
    const at = Date.parse(event.at);
    const changes = this.insert.run(
      event.id,
      event.mailing,
      event.recipient,
      event.kind,
      event.link,
      event.machine ? 1 : 0,
      Number.isFinite(at) ? at : 0,
      event.machineReason ?? '',
    ).changes;
    if (changes === 0) return;
    result.inserted += 1;
    if (event.kind === 'unsubscribe' && event.recipient) {
      const email = this.emailOf(event.recipient, event.mailing);
      if (email && this.suppression.suppress(email, 'unsubscribed', 'tracker', event.mailing)) {
        result.unsubscribed += 1;
      }
    }
  }

  private emailOf(recipientId: string, mailingId: string): string | undefined {
    return (this.recipientEmail.get(recipientId, mailingId) ??
      this.recipientEmailAnyMailing.get(recipientId)) as string | undefined;
  }
}
