import { QueryClient } from '@tanstack/react-query';

/**
 * The renderer's one cache of channel answers. A channel answers from the same machine, so a
 * failure is an answer to show (in the user's language), not a hiccup to retry; data goes stale
 * by the contract's events (see staleAfter.ts), not by window focus.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
