import { z } from 'zod';
import { channel } from './channel';
import {
  EmailAddress,
  Empty,
  Id,
  Language,
  OptionalEmailAddress,
  OptionalHttpUrl,
  WebsiteUrl,
} from './common';

export const SenderIdentity = z.object({
  id: Id,
  name: z.string().trim().min(1, { message: 'settings:errors.senderName' }).max(100),
  email: EmailAddress,
  replyTo: OptionalEmailAddress.default(''),
  /** Set by the verification flow (a code mailed to the address), never by the renderer. */
  verified: z.boolean().default(false),
});

export const SenderIdentityInput = SenderIdentity.omit({ verified: true }).extend({
  id: Id.optional(),
});

export const ShopDetails = z.object({
  name: z.string().trim().max(120).default(''),
  address: z.string().trim().max(200).default(''),
  postalCode: z.string().trim().max(20).default(''),
  city: z.string().trim().max(100).default(''),
  phone: z.string().trim().max(40).default(''),
  website: WebsiteUrl.default(''),
  email: OptionalEmailAddress.default(''),
});

/** A host name such as winkel.nl or shop.example.com (no scheme, no path). */
const DomainName = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, {
    message: 'settings:errors.domain',
  });

/**
 * Campaign tags (UTM) on links to the shop's own website: whether new mailings start with them
 * on, and own domains beyond the website's (whose host and www twin always count).
 */
export const CampaignTagSettings = z.object({
  onByDefault: z.boolean().default(false),
  extraDomains: z.array(DomainName).max(20).default([]),
});

export const SmtpSecurity = z.enum(['tls', 'starttls', 'none']);

const SmtpBase = z.object({
  host: z
    .string()
    .trim()
    .max(253)
    .regex(/^$|^[a-zA-Z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/, { message: 'settings:errors.host' })
    .default(''),
  port: z
    .number({ message: 'settings:errors.port' })
    .int({ message: 'settings:errors.port' })
    .min(1, { message: 'settings:errors.port' })
    .max(65535, { message: 'settings:errors.port' })
    .default(587),
  security: SmtpSecurity.default('starttls'),
  user: z.string().trim().max(254).default(''),
});

/** What the renderer sees: never the password itself. */
export const SmtpView = SmtpBase.extend({ passwordSet: z.boolean() });
/** password: undefined keeps the stored one, '' removes it. */
export const SmtpInput = SmtpBase.extend({ password: z.string().max(500).optional() });

/** A whole number within bounds, with a message the renderer shows next to the field. */
function limit(min: number, max: number) {
  const message = 'settings:errors.limit';
  return z.number({ message }).int({ message }).min(min, { message }).max(max, { message });
}

export const SendLimits = z.object({
  perSecond: limit(1, 500).default(10),
  perHour: limit(1, 1_000_000).default(5000),
  /** Fair use: skip contacts mailed within this many hours (0 switches it off). */
  fairUseHours: limit(0, 24 * 14).default(48),
});

export const SettingsView = z.object({
  senders: z.array(SenderIdentity),
  shop: ShopDetails,
  smtp: SmtpView,
  trackerUrl: z.string(),
  language: Language,
  /** The language of the app's own words inside a mail ("Online versie", …); the shop writes the rest. */
  mailLanguage: Language,
  limits: SendLimits,
  campaignTags: CampaignTagSettings,
  importFolder: z.string(),
  dataDir: z.string(),
});

export const SettingsUpdate = z
  .object({
    senders: z.array(SenderIdentityInput).max(20),
    shop: ShopDetails,
    smtp: SmtpInput,
    trackerUrl: OptionalHttpUrl,
    language: Language,
    mailLanguage: Language,
    limits: SendLimits,
    campaignTags: CampaignTagSettings,
    importFolder: z.string().trim().max(1000),
  })
  .partial()
  .strict();

export type SettingsViewT = z.infer<typeof SettingsView>;
export type SettingsUpdateT = z.infer<typeof SettingsUpdate>;

export const settingsChannels = {
  'settings.get': channel(Empty, SettingsView),
  'settings.update': channel(SettingsUpdate, SettingsView),
};
