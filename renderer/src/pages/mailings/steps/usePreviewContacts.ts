import { useEffect, useState } from 'react';
import { api } from '../../../api';

export interface PreviewContact {
  id: number;
  email: string;
  name: string;
}

const PREVIEW_CONTACTS = 300;

/**
 * Contacts who will receive the mailing (its selections, narrowed by its segment, without
 * duplicates and blocked addresses), to preview their personalisation.
 */
export function usePreviewContacts(mailingId: string): PreviewContact[] {
  const [contacts, setContacts] = useState<PreviewContact[]>([]);
  useEffect(() => {
    let current = true;
    const load = async () => {
      const { recipients } = await api.call('mailings.recipients', { id: mailingId });
      const list = recipients
        .slice(0, PREVIEW_CONTACTS)
        .map((r) => ({ id: r.contactId, email: r.email, name: r.name }));
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
