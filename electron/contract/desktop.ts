import { z } from 'zod';
import { channel } from './channel';
import { Empty, Timestamp } from './common';

/** A daily backup (or the copy made just before a restore), named by file, never by path. */
export const BackupEntry = z.object({
  id: z.string(),
  day: z.string(),
  size: z.number().int().nonnegative(),
  createdAt: Timestamp,
  kind: z.enum(['daily', 'beforeRestore']),
});

export const BackupList = z.object({
  backups: z.array(BackupEntry),
  /** A restore chosen but not yet done: it happens at the next start. */
  pendingRestore: z.string().nullable(),
});

export const RestoreRequest = z.object({
  id: z.string().regex(/^winkelpost-[\w.-]+\.sqlite$/, { message: 'desktop:errors.backupName' }),
});

export const RestoreAnswer = z.object({
  /** automatic: the desktop app restarts itself; manual: the user restarts browser mode. */
  restart: z.enum(['automatic', 'manual']),
});

export const AgreementsState = z.object({
  /** The version of the texts this app shows; accepting stores it. */
  version: z.string(),
  acceptedVersion: z.string().nullable(),
  acceptedAt: Timestamp.nullable(),
  mustAccept: z.boolean(),
});

/** Preferences of the desktop shell itself (kept by electron-store, not in the database). */
export const DesktopPrefs = z.object({
  /** False in browser mode: there is no desktop shell to configure. */
  available: z.boolean(),
  /** Linux has no login items: the switch is not offered there. */
  startAtLoginSupported: z.boolean(),
  startAtLogin: z.boolean(),
  notifyWhenSent: z.boolean(),
});

export const DesktopPrefsPatch = z
  .object({ startAtLogin: z.boolean(), notifyWhenSent: z.boolean() })
  .partial()
  .strict();

/** An image for an <img>: a data: URL built in main, since the CSP allows no remote images. */
const ImageDataUrl = z.string().regex(/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/);
const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** What the window shows of the brand chosen at build time (resources/branding/<name>.json). */
export const BrandLook = z.object({
  productName: z.string(),
  primaryColor: HexColour,
  accentColor: HexColour,
  /** Null when the brand's logo cannot be read: the product name alone is shown. */
  logo: ImageDataUrl.nullable(),
  /** "Voor gebruikers van …": the point-of-sale system the reseller sells; null for none. */
  partner: z.object({ name: z.string(), logo: ImageDataUrl.nullable() }).nullable(),
  /** The brand's SMTP relay that prefills the mail server (the account page says so); null: none. */
  smtpRelayHost: z.string().nullable(),
});

export const desktopChannels = {
  'desktop.branding.get': channel(Empty, BrandLook),
  'desktop.backups.list': channel(Empty, BackupList),
  'desktop.backups.restore': channel(RestoreRequest, RestoreAnswer),
  'desktop.agreements.get': channel(Empty, AgreementsState),
  'desktop.agreements.accept': channel(z.object({ version: z.string().min(1) }), AgreementsState),
  'desktop.prefs.get': channel(Empty, DesktopPrefs),
  'desktop.prefs.update': channel(DesktopPrefsPatch, DesktopPrefs),
};
