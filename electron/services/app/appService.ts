import type { ChannelOutput } from '../../contract';
import type { KeyValueStore } from '../core/kvStore';
import type { SettingsService } from '../settings/settingsService';
import type { BrandingFileT } from './branding';

export const CREDITS_KEY = 'credits.balance';

export interface CreditsSnapshot {
  balance: number;
  reserved: number;
}

export function readCredits(kv: KeyValueStore): CreditsSnapshot {
  return kv.get<CreditsSnapshot>(CREDITS_KEY) ?? { balance: 0, reserved: 0 };
}

export function appInfo(options: {
  version: string;
  dataDir: string;
  mode: 'electron' | 'browser';
  branding: BrandingFileT;
  settings: SettingsService;
  kv: KeyValueStore;
  secretsProtection: ChannelOutput<'app.info'>['secretsProtection'];
}): ChannelOutput<'app.info'> {
  const { trackerUrl: _trackerUrl, ...branding } = options.branding;
  return {
    version: options.version,
    dataDir: options.dataDir,
    mode: options.mode,
    language: options.settings.read().language,
    branding,
    credits: readCredits(options.kv),
    secretsProtection: options.secretsProtection,
  };
}
