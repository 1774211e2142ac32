import type { Db, OpenedDatabase } from '../../../db/openDatabase';
import type { BrandingFileT } from '../app/branding';
import type { ImageStore } from '../images/imageStore';
import type { MailingsService } from '../mailings/mailingsService';
import type { SettingsService } from '../settings/settingsService';
import type { SuppressionStore } from '../suppression/suppressionStore';
import type { Clock } from './clock';
import type { EventBus } from './eventBus';
import type { KeyValueStore } from './kvStore';
import type { Logger } from './logger';
import type { SecretCipher } from './secrets';

/** Everything the services share. Capabilities take what they need from it. */
export interface AppContext {
  dataDir: string;
  db: Db;
  database: OpenedDatabase;
  kv: KeyValueStore;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  cipher: SecretCipher;
  resourcesDir: string;
  branding: BrandingFileT;
  settings: SettingsService;
  suppression: SuppressionStore;
  /** Mailings and their documents (statuses for the send queue: setStatus, markTested). */
  mailings: MailingsService;
  images: ImageStore;
}
