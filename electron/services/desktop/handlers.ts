import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract';
import type { HandlerImpls } from '../core/handlerTable';
import { acceptAgreements, agreementsState } from './agreements';
import {
  checkBackupFile,
  listRestorable,
  pendingRestore,
  scheduleRestore,
  backupDir,
} from './backupRestore';
import { brandLook, type BrandLookT } from './brandLook';
import { restoreRefusal } from './restoreRules';
import type { DesktopShell } from './shell';
import { join } from 'node:path';

type DesktopImpls = Pick<
  HandlerImpls,
  | 'desktop.branding.get'
  | 'desktop.backups.list'
  | 'desktop.backups.restore'
  | 'desktop.agreements.get'
  | 'desktop.agreements.accept'
  | 'desktop.prefs.get'
  | 'desktop.prefs.update'
>;

export function createDesktopHandlers(context: AppContext, shell?: DesktopShell): DesktopImpls {
  // The brand cannot change while the app runs: its images are read once, when first asked.
  let look: BrandLookT | null = null;
  return {
    'desktop.branding.get': () =>
      (look ??= brandLook(
        join(context.resourcesDir, 'branding'),
        context.branding,
        context.logger,
      )),
    'desktop.backups.list': () => ({
      backups: listRestorable(context.dataDir),
      pendingRestore: pendingRestore(context.dataDir),
    }),
    'desktop.backups.restore': ({ id }) => {
      const entry = listRestorable(context.dataDir).find((b) => b.id === id);
      if (!entry) {
        throw new DomainError(ERROR_CODES.notFound, 'No such backup', 'common:errors.notFound');
      }
      const refusal = restoreRefusal(context.database.sqlite, entry.createdAt);
      if (refusal) throw refusal;
      checkBackupFile(join(backupDir(context.dataDir), id));
      scheduleRestore(context.dataDir, id, context.clock.now());
      if (shell) shell.restartSoon();
      return { restart: shell ? 'automatic' : 'manual' };
    },
    'desktop.agreements.get': () => agreementsState(context.kv),
    'desktop.agreements.accept': ({ version }) =>
      acceptAgreements(context.kv, version, context.clock.now()),
    'desktop.prefs.get': () =>
      shell
        ? { available: true, ...shell.prefs() }
        : {
            available: false,
            startAtLoginSupported: false,
            startAtLogin: false,
            notifyWhenSent: false,
          },
    'desktop.prefs.update': (patch) => {
      if (!shell) {
        throw new DomainError(
          ERROR_CODES.unavailable,
          'Desktop preferences exist only in the desktop app',
          'desktop:errors.noDesktop',
        );
      }
      return { available: true, ...shell.updatePrefs(patch) };
    },
  };
}
