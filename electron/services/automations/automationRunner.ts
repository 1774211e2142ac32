import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { DomainError, ERROR_CODES } from '../../contract';
import type { ReasonT } from '../../contract/automations';
import type { AppContext } from '../core/appContext';
import { DAY } from '../core/clock';
import { importSelection } from '../selections/importFile';
import { moveInto, PROCESSED_FOLDER } from '../selections/importFolder';
import type { SendService } from '../sending/sendService';
import type { AutomationRow, AutomationStore, RunRow } from './automationStore';
import { buildBirthdaySelection, daysBefore, localDate } from './birthdayRuns';
import { sendRun, type RunOutcome } from './runSend';
import { barcodeOf, tillFiles, type TillFile } from './tillFiles';
import { insideWindow, localTime } from './timeWindow';

/** A till export older than this is never sent (it was listed as skipped instead). */
export const MAX_FILE_AGE_MS = 7 * DAY;
/**
 * A file changed less than this long ago may still be being written by the till (a half file
 * could end in a cut-off address): it is left for a later tick.
 */
export const SETTLE_MS = 30_000;
/** What a runner needs of the service that owns the automations. */
export interface RunOwner {
  pause(automationId: string, reason: ReasonT): void;
  announce(automationId: string, runId?: string): void;
  require(automationId: string): AutomationRow;
}

/**
 * The runs of one tick: new till files and today's birthdays become runs, and each run is taken
 * as far as it goes (selection, checks, send), a run a crash left half-way first.
 */
export class AutomationRunner {
  constructor(
    private readonly context: AppContext,
    private readonly store: AutomationStore,
    private readonly sending: SendService,
    private readonly owner: RunOwner,
  ) {}

  /**
   * Today's run once its time has come; after the computer was off, yesterday's run still goes
   * (a birthday one day late), and older days since the activation are listed as skipped.
   */
  async birthdayPass(automation: AutomationRow): Promise<void> {
    for (const run of this.store.unfinished(automation.id)) {
      if (!(await this.continueBirthdayRun(automation.id, run.id))) return;
    }
    const now = this.context.clock.now();
    const today = localDate(now);
    const first = localDate(Math.max(automation.activatedAt ?? now, now - 7 * DAY));
    for (let back = 7; back >= 0; back -= 1) {
      const date = daysBefore(today, back);
      if (date.key < first.key || this.store.runBySource(automation.id, date.key)) continue;
      if (back === 0 && localTime(now) < automation.settings.runAt) continue;
      const runId = randomUUID();
      const late = back > 1;
      this.store.insertRun({
        id: runId,
        automationId: automation.id,
        sourceKey: date.key,
        fileName: null,
        state: late ? 'skipped' : 'importing',
        reason: late
          ? { key: 'automations:reasons.birthdayTooLate', params: { date: date.key } }
          : null,
      });
      if (late) this.owner.announce(automation.id, runId);
      else if (!(await this.continueBirthdayRun(automation.id, runId))) return;
    }
  }

  async tillPass(automation: AutomationRow): Promise<void> {
    const now = this.context.clock.now();
    const open = insideWindow(now, automation.settings);
    // A run a crash interrupted goes on first (within the window, like any run).
    for (const run of this.store.unfinished(automation.id)) {
      if (!open) return;
      if (!(await this.continueTillRun(automation.id, run.id))) return;
    }
    const folder = this.context.settings.read().importFolder.trim();
    if (!folder) return;
    for (const file of tillFiles(folder, automation.settings.folderPattern)) {
      const existing = this.store.runBySource(automation.id, file.hash);
      if (existing) {
        // The same export again: its run exists, nothing is sent twice.
        moveInto(folder, PROCESSED_FOLDER, file.name);
        continue;
      }
      if (now - file.modifiedAt < SETTLE_MS) continue;
      if (now - file.modifiedAt > MAX_FILE_AGE_MS) {
        this.store.insertRun({
          id: randomUUID(),
          automationId: automation.id,
          sourceKey: file.hash,
          fileName: file.name,
          state: 'skipped',
          reason: { key: 'automations:reasons.fileTooOld', params: { days: 7 } },
        });
        moveInto(folder, PROCESSED_FOLDER, file.name);
        this.owner.announce(automation.id);
        continue;
      }
      if (!open) return;
      const runId = randomUUID();
      this.store.insertRun({
        id: runId,
        automationId: automation.id,
        sourceKey: file.hash,
        fileName: file.name,
        state: 'importing',
      });
      if (!(await this.continueTillRun(automation.id, runId, file))) return;
    }
  }

  private continueTillRun(automationId: string, runId: string, file?: TillFile) {
    return this.continueRun(automationId, runId, (run) => this.importRunFile(run, file), barcodeOf);
  }

  private continueBirthdayRun(automationId: string, runId: string) {
    const run = this.store.runs(automationId).find((r) => r.id === runId)!;
    const year = run.sourceKey.slice(0, 4);
    return this.continueRun(
      automationId,
      runId,
      async (r) => buildBirthdaySelection(this.context, this.store, r),
      () => year,
    );
  }

  /** Takes a run as far as it goes; false when the automation paused (the pass stops there). */
  private async continueRun(
    automationId: string,
    runId: string,
    /** Makes the run's selection (import the till file, pick today's birthdays). */
    prepare: (run: RunRow) => Promise<void>,
    keyItemOf: (data: Record<string, string>) => string | null,
  ): Promise<boolean> {
    const automation = this.owner.require(automationId);
    let run = this.store.runs(automationId).find((r) => r.id === runId)!;
    let outcome: RunOutcome;
    try {
      if (run.state === 'importing') {
        await prepare(run);
        run = this.store.runs(automationId).find((r) => r.id === runId)!;
      }
      outcome = await sendRun(
        { context: this.context, store: this.store, sending: this.sending },
        automation,
        run,
        keyItemOf,
      );
    } catch (error) {
      this.context.logger.warn(`automation run ${runId} failed`, error);
      outcome = {
        ok: false,
        pause: true,
        reason:
          error instanceof DomainError && error.key
            ? { key: error.key, params: error.params ?? {} }
            : { key: 'automations:reasons.error', params: {} },
      };
    }
    const after = this.store.runs(automationId).find((r) => r.id === runId)!;
    if (!outcome.ok) {
      this.store.updateRun(runId, { state: 'stopped', reason: outcome.reason });
      this.dropUnsentCopy(after);
      if (outcome.pause) this.owner.pause(automationId, outcome.reason);
      return false;
    }
    if (after.state !== 'sending') this.store.updateRun(runId, { state: 'finished' });
    this.owner.announce(automationId, runId);
    return true;
  }

  /** A stopped run's mailing copy that never went out would only clutter Mailings - overzicht. */
  private dropUnsentCopy(run: RunRow): void {
    if (!run.runMailingId || run.sendId) return;
    try {
      this.context.mailings.delete(run.runMailingId);
      this.store.updateRun(run.id, { runMailingId: null });
    } catch (error) {
      this.context.logger.warn(`automation run ${run.id}: copy not removed`, error);
    }
  }

  private async importRunFile(run: RunRow, file?: TillFile): Promise<void> {
    const folder = this.context.settings.read().importFolder.trim();
    const path = file?.path ?? join(folder, run.fileName ?? '');
    if (!run.selectionId) {
      if (!existsSync(path))
        throw new DomainError(
          ERROR_CODES.notFound,
          'The till file is gone',
          'automations:reasons.fileGone',
          { fileName: run.fileName ?? '' },
        );
      const imported = await importSelection(this.context, {
        fileName: run.fileName ?? basename(path),
        file: { path },
        description: basename(run.fileName ?? path, extname(run.fileName ?? path)),
        refuseUnreviewedSpecialColumns: true,
      });
      this.store.updateRun(run.id, { selectionId: imported.selectionId, rows: imported.imported });
    }
    if (existsSync(path)) moveInto(folder, PROCESSED_FOLDER, basename(path));
    this.store.updateRun(run.id, { state: 'checking' });
  }
}
