import type { AppContext } from '../core/appContext';
import {
  attachedSelections,
  deduplicate,
  excludeFromDeduplicated,
  narrowsSelections,
  resolveRecipients,
  type Deduplicated,
  type Recipient,
  type ResolvedRecipients,
} from '../selections/recipients';
import { NO_DATA, selectionStoreOf } from '../selections/selectionStore';
import { installContactsVersion } from './recipientsVersionStore';

/**
 * Contacts kept in memory across selections, least recently used dropped: id and address only
 * (about 13 MB at 100,000; with their data parsed it was three times that). Step 3 reads the data
 * of the few it lists from the database.
 */
const MAX_KEPT_CONTACTS = 300_000;
/** Safety net for a change on another connection (the import worker only adds new selections). */
export const SELECTION_CONTACTS_MAX_AGE_MS = 10 * 60_000;

/** De-duplications kept, one per mailing (each refers to contacts kept above). */
const MAX_DEDUPLICATED = 4;

interface DeduplicatedEntry {
  key: string;
  selectionIds: string[];
  value: Deduplicated;
}

interface KeptSelection {
  contacts: Recipient[];
  loadedAt: number;
}

/**
 * The same answer as resolveRecipients, from parts that rarely change: a selection's contacts never
 * change after its import (only erasure or a merge touches them, which the contacts version sees),
 * so they are read and parsed once; the de-duplication across a mailing's selections is done once
 * per set of attached selections. What changes often — the suppression list and the fair-use
 * window — is applied afresh on each call, a map look-up per contact.
 */
export class IncrementalRecipients {
  private readonly kept = new Map<string, KeptSelection>();
  private readonly deduplicated = new Map<string, DeduplicatedEntry>();
  private readonly contactsVersion: () => number;
  private seenVersion: number;

  constructor(private readonly context: AppContext) {
    this.contactsVersion = installContactsVersion(context.database.sqlite);
    this.seenVersion = this.contactsVersion();
  }

  resolve(mailingId: string): ResolvedRecipients {
    // A segment or a follow-up's audience narrows contacts before de-duplication: resolved afresh.
    if (narrowsSelections(this.context.database.sqlite, mailingId))
      return addressesOnly(resolveRecipients(this.context, mailingId));
    this.forgetChanged();
    const selections = attachedSelections(this.context.database.sqlite, mailingId);
    const key = JSON.stringify(selections);
    let entry = this.deduplicated.get(mailingId);
    this.deduplicated.delete(mailingId);
    if (entry?.key !== key) {
      entry = {
        key,
        selectionIds: selections.map((s) => s.id),
        value: deduplicate(selections.map((s) => ({ ...s, contacts: this.contactsOf(s.id) }))),
      };
    }
    this.deduplicated.set(mailingId, entry);
    if (this.deduplicated.size > MAX_DEDUPLICATED)
      this.deduplicated.delete(this.deduplicated.keys().next().value as string);
    return excludeFromDeduplicated(this.context, entry.value);
  }

  /**
   * Lets go of what was kept for this mailing (its de-duplication and its selections' contacts):
   * once its send starts, nobody asks again, and at 100,000 contacts that is tens of MB.
   */
  forget(mailingId: string): void {
    const entry = this.deduplicated.get(mailingId);
    this.deduplicated.delete(mailingId);
    for (const id of entry?.selectionIds ?? []) this.kept.delete(id);
    for (const [other, d] of this.deduplicated)
      if (d.selectionIds.some((id) => !this.kept.has(id))) this.deduplicated.delete(other);
  }

  private contactsOf(selectionId: string): Recipient[] {
    const found = this.kept.get(selectionId);
    if (found) {
      this.kept.delete(selectionId);
      this.kept.set(selectionId, found);
      return found.contacts;
    }
    const contacts = selectionStoreOf(this.context.database.sqlite).contactAddresses(selectionId);
    this.kept.set(selectionId, { contacts, loadedAt: this.context.clock.now() });
    let total = 0;
    for (const k of this.kept.values()) total += k.contacts.length;
    for (const [id, k] of this.kept) {
      if (total <= MAX_KEPT_CONTACTS || id === selectionId) break;
      this.kept.delete(id);
      total -= k.contacts.length;
    }
    return contacts;
  }

  /** Drops everything on a contacts change; drops single selections past their age. */
  private forgetChanged(): void {
    const version = this.contactsVersion();
    const now = this.context.clock.now();
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      this.kept.clear();
      this.deduplicated.clear();
      return;
    }
    for (const [id, k] of this.kept) {
      if (now >= k.loadedAt && now - k.loadedAt < SELECTION_CONTACTS_MAX_AGE_MS) continue;
      this.kept.delete(id);
      // A de-duplication built on the dropped contacts is built again from fresh ones.
      for (const [mailingId, d] of this.deduplicated)
        if (d.selectionIds.includes(id)) this.deduplicated.delete(mailingId);
    }
  }
}

/** The answer as this class keeps it: the recipients without their data (see contactAddresses). */
export function addressesOnly(resolved: ResolvedRecipients): ResolvedRecipients {
  const recipients = resolved.recipients.map(({ contactId, email, normalizedEmail }) => ({
    contactId,
    email,
    normalizedEmail,
    data: NO_DATA,
  }));
  return { ...resolved, recipients };
}
