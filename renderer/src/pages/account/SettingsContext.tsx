import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';

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
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    api.call('settings.get', {}).then(setSettings).catch(setLoadError);
  }, []);
  const save = useCallback(async (patch: SettingsPatch) => {
    const next = await api.call('settings.update', patch);
    setSettings(next);
    return next;
  }, []);
  return <Context.Provider value={{ settings, loadError, save }}>{children}</Context.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(Context);
  if (!state) throw new Error('useSettings outside SettingsProvider');
  return state;
}
