import { useChannelQuery } from '../data/useChannelQuery';
import type { MailingSummary } from './mailingTypes';

/**
 * One list of mailings (open or sent). A copy, delete or send makes `mailings.list` stale (the
 * mutation's invalidates, or send.progress in staleAfter.ts), so the list follows by itself.
 */
export function useMailingList(status: 'open' | 'sent'): {
  mailings: MailingSummary[] | null;
  error: unknown;
} {
  const { data, error } = useChannelQuery('mailings.list', { status });
  return { mailings: data ?? null, error };
}
