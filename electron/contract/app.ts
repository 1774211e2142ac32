import { z } from 'zod';
import { channel } from './channel';
import { Empty, Language } from './common';

export const Branding = z.object({
  name: z.string(),
  productName: z.string(),
  primaryColor: z.string(),
  supportEmail: z.string(),
  supportPhone: z.string(),
  orderUrl: z.string(),
  /** The reseller's page with credit bundles and prices (empty: none). */
  bundlesUrl: z.string().default(''),
  forgotPasswordUrl: z.string(),
  signUpUrl: z.string(),
  manualUrl: z.string(),
});

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  mode: z.enum(['electron', 'browser']),
  language: Language,
  branding: Branding,
  credits: z.object({ balance: z.number().int(), reserved: z.number().int() }),
  /** fileSystem: no OS key store guards the passwords; the account page says so. */
  secretsProtection: z.enum(['keystore', 'fileSystem']),
});

export const appChannels = {
  'app.info': channel(Empty, AppInfo),
};
