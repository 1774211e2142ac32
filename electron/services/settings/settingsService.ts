import { randomUUID } from 'node:crypto';
import {
  CampaignTagSettings,
  SendLimits,
  ShopDetails,
  type SettingsUpdateT,
  type SettingsViewT,
} from '../../contract/settings';
import type { Db } from '../../../db/openDatabase';
import type { KeyValueStore } from '../core/kvStore';
import type { SecretCipher } from '../core/secrets';

/** What is stored (everything but secrets); the password lives apart, encrypted. */
export interface StoredSettings {
  senders: SettingsViewT['senders'];
  shop: SettingsViewT['shop'];
  smtp: Omit<SettingsViewT['smtp'], 'passwordSet'>;
  trackerUrl: string;
  language: 'nl' | 'en';
  mailLanguage: 'nl' | 'en';
  limits: SettingsViewT['limits'];
  campaignTags: SettingsViewT['campaignTags'];
  importFolder: string;
}

const KEY = 'app.settings';
const SMTP_PASSWORD = 'secret.smtp.password';

export interface SettingsServiceOptions {
  db: Db;
  kv: KeyValueStore;
  cipher: SecretCipher;
  dataDir: string;
  defaults?: Partial<StoredSettings>;
}

export class SettingsService {
  constructor(private readonly options: SettingsServiceOptions) {}

  private defaults(): StoredSettings {
    return {
      senders: [],
      shop: ShopDetails.parse({}),
      smtp: { host: '', port: 587, security: 'starttls', user: '' },
      trackerUrl: '',
      language: 'nl',
      mailLanguage: 'nl',
      limits: SendLimits.parse({}),
      campaignTags: CampaignTagSettings.parse({}),
      importFolder: '',
      ...this.options.defaults,
    };
  }

  /** Stored settings merged over defaults, so a new field never leaves an old install without a value. */
  read(): StoredSettings {
    const stored = this.options.kv.get<Partial<StoredSettings>>(KEY) ?? {};
    const defaults = this.defaults();
    return {
      ...defaults,
      ...stored,
      shop: { ...defaults.shop, ...stored.shop },
      smtp: { ...defaults.smtp, ...stored.smtp },
      limits: { ...defaults.limits, ...stored.limits },
      campaignTags: { ...defaults.campaignTags, ...stored.campaignTags },
    };
  }

  view(): SettingsViewT {
    const s = this.read();
    return {
      ...s,
      smtp: { ...s.smtp, passwordSet: this.options.kv.get<string>(SMTP_PASSWORD) !== undefined },
      dataDir: this.options.dataDir,
    };
  }

  /** Only the main side ever sees the password (to hand it to nodemailer). */
  smtpPassword(): string {
    const cipherText = this.options.kv.get<string>(SMTP_PASSWORD);
    return cipherText === undefined ? '' : this.options.cipher.decrypt(cipherText);
  }

  /** The whole patch is validated by the contract before this runs; it is saved in one transaction. */
  update(patch: SettingsUpdateT): SettingsViewT {
    const current = this.read();
    const next: StoredSettings = { ...current };
    if (patch.senders) {
      next.senders = patch.senders.map((sender) => {
        const previous = current.senders.find((s) => s.id === sender.id);
        // Changing the address of a verified identity makes it unverified again.
        const verified =
          previous !== undefined && previous.email === sender.email && previous.verified;
        return {
          ...sender,
          id: sender.id ?? randomUUID(),
          replyTo: sender.replyTo ?? '',
          verified,
        };
      });
    }
    if (patch.shop) next.shop = patch.shop;
    if (patch.trackerUrl !== undefined) next.trackerUrl = patch.trackerUrl;
    if (patch.language) next.language = patch.language;
    if (patch.mailLanguage) next.mailLanguage = patch.mailLanguage;
    if (patch.limits) next.limits = patch.limits;
    if (patch.campaignTags) next.campaignTags = patch.campaignTags;
    if (patch.importFolder !== undefined) next.importFolder = patch.importFolder;
    let password: string | undefined;
    if (patch.smtp) {
      const { password: newPassword, ...smtp } = patch.smtp;
      next.smtp = smtp;
      password = newPassword;
    }
    this.options.db.transaction(() => {
      this.options.kv.set(KEY, next);
      if (password === '') this.options.kv.delete(SMTP_PASSWORD);
      else if (password !== undefined)
        this.options.kv.set(SMTP_PASSWORD, this.options.cipher.encrypt(password));
    });
    return this.view();
  }

  /** Used by the sender verification flow. */
  markSenderVerified(senderId: string, verified: boolean): void {
    const current = this.read();
    this.options.kv.set(KEY, {
      ...current,
      senders: current.senders.map((s) => (s.id === senderId ? { ...s, verified } : s)),
    });
  }
}
