import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { channelKey } from '../../data/channelKey';
import { useChannelQuery } from '../../data/useChannelQuery';

export type Settings = ChannelOutput<'settings.get'>;
export type SettingsPatch = ChannelInput<'settings.update'>;

interface SettingsState {
  settings: Settings | null;
  loadError: unknown;
  /** Saves one section; rejects with ApiError (field issues) and then nothing was saved. */
  save(patch: SettingsPatch): Promise<Settings>;
}

const Context = createContext<SettingsState | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useChannelQuery('settings.get', {});
  const save = useCallback(
    async (patch: SettingsPatch) => {
      const next = await api.call('settings.update', patch);
      // Every page that reads the settings (e.g. Selecties' import folder) sees the saved ones.
      client.setQueryData(channelKey('settings.get', {}), next);
      return next;
    },
    [client],
  );
  return (
    <Context.Provider
      value={{ settings: query.data ?? null, loadError: query.isError ? query.error : null, save }}
    >
      {children}
    </Context.Provider>
  );
}

export function useSettings(): SettingsState {
  const state = useContext(Context);
  if (!state) throw new Error('useSettings outside SettingsProvider');
  return state;
}
