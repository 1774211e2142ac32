import { useMemo } from 'react';
import { useChannelQuery } from '../../../data/useChannelQuery';

export interface PreviewContact {
  id: number;
  email: string;
  name: string;
}

const PREVIEW_CONTACTS = 300;

/**
 * Contacts who will receive the mailing (its selections, narrowed by its segment, without
 * duplicates and blocked addresses), to preview their personalisation. No selections yet (or none
 * readable): none, and the preview uses the sample values.
 */
export function usePreviewContacts(mailingId: string): PreviewContact[] {
  const recipients = useChannelQuery('mailings.recipients', { id: mailingId }).data?.recipients;
  return useMemo(
    () =>
      (recipients ?? [])
        .slice(0, PREVIEW_CONTACTS)
        .map((r) => ({ id: r.contactId, email: r.email, name: r.name })),
    [recipients],
  );
}
