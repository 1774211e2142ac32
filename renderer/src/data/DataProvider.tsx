import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../api';
import { keepImportProgress } from './importProgress';
import { createQueryClient } from './queryClient';
import { invalidateOnEvents } from './staleAfter';

/** The query cache for the whole app, kept fresh by the contract's events. */
export function DataProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  useEffect(() => {
    const offs = [invalidateOnEvents(client, api.on), keepImportProgress(client, api.on)];
    return () => offs.forEach((off) => off());
  }, [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
