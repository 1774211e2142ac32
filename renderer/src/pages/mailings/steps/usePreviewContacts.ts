import { useEffect, useState } from 'react';
import { api } from '../../../api';

export interface PreviewContact {
  id: number;
  email: string;
  name: string;
}

const CONTACTS_PER_SELECTION = 100;

/** Contacts of the selections attached to the mailing, to preview their personalisation. */
export function usePreviewContacts(mailingId: string): PreviewContact[] {
  const [contacts, setContacts] = useState<PreviewContact[]>([]);
  useEffect(() => {
    let current = true;
    const load = async () => {
      const { selectionIds } = await api.call('mailings.recipients', { id: mailingId });
      const details = await Promise.all(
        selectionIds.map((id) => api.call('selections.get', { id, limit: CONTACTS_PER_SELECTION })),
      );
      const list = details.flatMap((d) =>
        d.contacts.map((c) => ({
          id: c.id,
          email: c.email,
          name: c.data.naam ?? c.data.voornaam ?? '',
        })),
      );
      if (current) setContacts(list);
    };
    // No selections yet (or none readable): the preview uses the sample values.
    load().catch(() => undefined);
    return () => {
      current = false;
    };
  }, [mailingId]);
  return contacts;
}
