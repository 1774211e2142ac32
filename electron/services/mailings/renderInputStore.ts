import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/openDatabase';
import { contacts, mailingSelections, selections } from '../../../db/schema';

/** A contact's row as a mailing is personalised for it (its data as stored JSON text). */
export interface StoredContact {
  email: string;
  data: string;
  selectionId: string;
}

/** What a mailing's render input reads beside the mailing: selections' columns and a contact. */
export class RenderInputStore {
  constructor(private readonly db: Db) {}

  /** The stored extra-column lists (JSON text) of the mailing's selections and any others given. */
  extraColumnLists(mailingId: string, alsoSelectionIds: readonly string[]): string[] {
    const attached = this.db
      .select({ id: mailingSelections.selectionId })
      .from(mailingSelections)
      .where(eq(mailingSelections.mailingId, mailingId))
      .all()
      .map((r) => r.id);
    const ids = [...new Set([...attached, ...alsoSelectionIds])];
    if (ids.length === 0) return [];
    return this.db
      .select({ extra: selections.extraColumns })
      .from(selections)
      .where(inArray(selections.id, ids))
      .all()
      .map((row) => row.extra);
  }

  contact(contactId: number): StoredContact | undefined {
    return this.db
      .select({ email: contacts.email, data: contacts.data, selectionId: contacts.selectionId })
      .from(contacts)
      .where(eq(contacts.id, contactId))
      .get();
  }
}
