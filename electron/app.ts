import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupIfDue } from '../db/backups';
import { openDatabase } from '../db/openDatabase';
import { appInfo } from './services/app/appService';
import { createBounceHandlers } from './services/bounces/bounceHandlers';
import { loadBranding } from './services/app/branding';
import { systemClock, type Clock } from './services/core/clock';
import { EventBus } from './services/core/eventBus';
import {
  buildHandlerTable,
  type HandlerImpls,
  type HandlerTable,
} from './services/core/handlerTable';
import { KeyValueStore } from './services/core/kvStore';
import { consoleLogger, type Logger } from './services/core/logger';
import { makePrivateDir, securePrivateTree } from './services/core/privateFiles';
import { nodeSecretCipher, type SecretCipher } from './services/core/secrets';
import { SettingsService } from './services/settings/settingsService';
import { relaySmtpDefaults } from './services/settings/brandRelay';
import { ImageStore } from './services/images/imageStore';
import { createImagesHandlers } from './services/images/handlers';
import { createIdentityHandlers } from './services/identity/handlers';
import { ShopIdentityStore } from './services/identity/identityStore';
import { MailingsService } from './services/mailings/mailingsService';
import { createMailingsHandlers } from './services/mailings/handlers';
import { seedTemplates, templateCopySubject } from './services/mailings/templates';
import { createSubjectHandlers } from './services/subject/subjectHandlers';
import { SuppressionStore } from './services/suppression/suppressionStore';
import { createSending, type SendingOptions } from './services/sending';
import type { SendService } from './services/sending/sendService';
import { createSuppressionHandlers } from './services/suppression/handlers';
import { createSelectionsHandlers } from './services/selections/handlers';
import { createSegmentsHandlers } from './services/segments/handlers';
import { scheduleSelectionRetention } from './services/selections/retention';
import { importsSettled } from './services/selections/importFile';
import { createContactsHandlers } from './services/contacts/handlers';
import { createAccountHandlers } from './services/account/accountHandlers';
import { createCreditsHandlers } from './services/credits/creditsHandlers';
import { createStatsHandlers } from './services/stats/statsHandlers';
import { createSyncHandlers } from './services/sync/syncHandlers';
import { SyncService } from './services/sync/syncService';
import { FollowUpService } from './services/followUps/followUpService';
import { createFollowUpsHandlers } from './services/followUps/handlers';
import { PROJECT_ROOT, RESOURCES_DIR } from './paths';
import type { AppContext } from './services/core/appContext';
import { openWithPendingRestore } from './services/desktop/backupRestore';
import { createDesktopHandlers } from './services/desktop/handlers';
import { createLibraryHandlers } from './services/library/handlers';
import { LibraryService } from './services/library/libraryService';
import type { DesktopShell } from './services/desktop/shell';
import { AutomationService } from './services/automations/automationService';
import { createAutomationsHandlers } from './services/automations/handlers';

export interface CreateAppOptions {
  dataDir: string;
  mode?: 'electron' | 'browser';
  clock?: Clock;
  logger?: Logger;
  /** Electron passes one backed by safeStorage; otherwise an AES key from the environment or a key file. */
  cipher?: SecretCipher;
  resourcesDir?: string;
  migrationsFolder?: string;
  branding?: string;
  /** Overrides the tracker URL of settings and branding (WINKELPOST_TRACKER_URL). */
  trackerUrl?: string;
  /** The Electron shell's preferences and restart; absent in browser mode. */
  desktop?: DesktopShell;
  /** Send queue seams for tests and benchmarks (DNS resolver, queue tuning). */
  sending?: SendingOptions;
}

export interface App {
  handlers: HandlerTable;
  events: EventBus;
  context: AppContext;
  /** The send queue (tests kick it after moving the clock). */
  sending: SendService;
  /** Automations (tests tick them after moving the clock). */
  automations: AutomationService;
  /** "Tweede kans voor niet-openers" (tests run the due ones after moving the clock). */
  followUps: FollowUpService;
  close(): Promise<void>;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Opens the database, builds the services and returns the one handler table both transports serve. */
export async function createApp(options: CreateAppOptions): Promise<App> {
  const dataDir = options.dataDir;
  makePrivateDir(dataDir);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const resourcesDir = options.resourcesDir ?? RESOURCES_DIR;
  const database = openWithPendingRestore(dataDir, clock.now(), logger, () =>
    openDatabase(join(dataDir, 'winkelpost.sqlite'), options.migrationsFolder),
  );
  // After opening: the database file SQLite just made (its -wal and -shm copy its mode from then on).
  securePrivateTree(dataDir);
  const kv = new KeyValueStore(database.db, () => clock.now());
  const cipher = options.cipher ?? nodeSecretCipher(dataDir);
  const branding = loadBranding(resourcesDir, options.branding);
  const events = new EventBus();
  const settings = new SettingsService({
    db: database.db,
    kv,
    cipher,
    dataDir,
    defaults: {
      trackerUrl: options.trackerUrl ?? branding.trackerUrl,
      ...relaySmtpDefaults(resourcesDir, options.branding ?? 'winkelpost'),
    },
  });
  const images = new ImageStore(database.db, () => clock.now());
  const identity = new ShopIdentityStore(kv, database.sqlite);
  const mailings = new MailingsService({
    identity,
    db: database.db,
    images,
    settings,
    now: () => clock.now(),
    templateCopySubject: templateCopySubject(resourcesDir),
  });
  const context: AppContext = {
    dataDir,
    db: database.db,
    database,
    kv,
    clock,
    logger,
    events,
    cipher,
    resourcesDir,
    branding,
    settings,
    suppression: new SuppressionStore(database.sqlite, () => clock.now()),
    mailings,
    images,
  };
  await seedTemplates(resourcesDir, context);
  const version = packageVersion();
  const bounces = createBounceHandlers(context);
  const sync = new SyncService(context);
  const sending = createSending(context, options.sending);
  const automations = new AutomationService(context, sending.service, sending.checklistDeps);
  const followUps = new FollowUpService(context, {
    sending: sending.service,
    sync: () => sync.now(),
  });

  const impls: HandlerImpls = {
    'app.info': () =>
      appInfo({
        version,
        dataDir,
        mode: options.mode ?? 'browser',
        branding,
        settings,
        kv,
        secretsProtection: cipher.protection,
      }),
    'settings.get': () => settings.view(),
    'settings.update': (patch) => {
      const view = settings.update(patch);
      if (patch.language) events.emit('settings.changed', { language: view.language });
      return view;
    },
    ...createSubjectHandlers(),
    ...createSelectionsHandlers(context),
    ...createSegmentsHandlers(context),
    ...createSuppressionHandlers(context),
    ...createContactsHandlers(context),
    ...createMailingsHandlers(context),
    ...createLibraryHandlers(
      new LibraryService({ db: context.db, mailings, images, now: () => clock.now() }),
    ),
    ...createImagesHandlers(context),
    ...createIdentityHandlers(identity),
    ...createAccountHandlers(context, sync),
    ...createSyncHandlers(sync),
    ...createStatsHandlers(context),
    ...createCreditsHandlers(context),
    ...createDesktopHandlers(context, options.desktop),
    ...sending.handlers,
    ...bounces.handlers,
    ...createAutomationsHandlers(automations),
    ...createFollowUpsHandlers(context, followUps),
  };
  // A mailing an active automation uses is frozen: editing it pauses the automation.
  const updateMailing = impls['mailings.update'];
  impls['mailings.update'] = async (input) => {
    const updated = await updateMailing(input);
    automations.mailingEdited(input.id);
    return updated;
  };

  const backups = scheduleBackups(context);
  const selectionRetention = scheduleSelectionRetention(context);
  sync.start();
  bounces.poller.start();
  sending.service.start();
  automations.start();
  followUps.start();
  return {
    handlers: buildHandlerTable(impls, logger),
    events,
    context,
    sending: sending.service,
    automations,
    followUps,
    async close() {
      await followUps.stop();
      await automations.stop();
      await sending.service.stop();
      await bounces.poller.stop();
      await sync.stop();
      selectionRetention.stop();
      await backups.stop();
      await importsSettled();
      database.close();
    },
  };
}

/** A backup on start (if today's is missing) and then hourly checks for the next day's. */
function scheduleBackups(context: AppContext): { stop(): Promise<void> } {
  let pending: Promise<unknown> = Promise.resolve();
  const run = () => {
    pending = backupIfDue(
      context.database.sqlite,
      join(context.dataDir, 'backups'),
      context.clock.now(),
    ).catch((error) => context.logger.warn('backup failed', error));
  };
  run();
  const timer = setInterval(run, 60 * 60 * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await pending;
    },
  };
}
