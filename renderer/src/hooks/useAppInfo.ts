import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { api } from '../api';

export type AppInfo = ChannelOutput<'app.info'>;

/** app.info, refreshed when credits change (sync, send) so the header stays true. */
export function useAppInfo(): { info: AppInfo | null; error: unknown; refresh: () => void } {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = useCallback(() => {
    api
      .call('app.info', {})
      .then((value) => {
        setInfo(value);
        setError(null);
      })
      .catch(setError);
  }, []);
  useEffect(() => {
    refresh();
    const offCredits = api.on('credits.changed', (credits) =>
      setInfo((current) => (current ? { ...current, credits } : current)),
    );
    const offSettings = api.on('settings.changed', ({ language }) =>
      setInfo((current) => (current ? { ...current, language } : current)),
    );
    return () => {
      offCredits();
      offSettings();
    };
  }, [refresh]);
  return { info, error, refresh };
}
