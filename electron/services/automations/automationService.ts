import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { z } from 'zod';
import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES, type EventPayload } from '../../contract';
import type {
  AutomationDraft,
  AutomationRunT,
  AutomationT,
  ReasonT,
} from '../../contract/automations';
import { DAY } from '../core/clock';
import { importSelection } from '../selections/importFile';
import { moveInto, PROCESSED_FOLDER } from '../selections/importFolder';
import type { SendService } from '../sending/sendService';
import { activationProblems, type ActivationDeps } from './activation';
import { AutomationStore, type AutomationRow, type RunRow } from './automationStore';
import { mailingContentHash } from './mailingHash';
import { sendRun, type RunOutcome } from './runSend';
import { barcodeOf, tillFiles, type TillFile } from './tillFiles';
import { insideWindow, localTime } from './timeWindow';
import { buildBirthdaySelection, daysBefore, localDate } from './birthdayRuns';

/** A till export older than this is never sent (it was listed as skipped instead). */
export const MAX_FILE_AGE_MS = 7 * DAY;
/**
 * A file changed less than this long ago may still be being written by the till (a half file
 * could end in a cut-off address): it is left for a later tick.
 */
export const SETTLE_MS = 30_000;
const TICK_MS = 60 * 1000;

/**
 * The automations: their settings and status for the page, and the runs. A tick (every minute
 * while the app runs, and once at start to catch up) looks for new till files and continues runs a
 * crash left half-way; ticks never overlap.
 */
export class AutomationService {
  readonly store: AutomationStore;
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly context: AppContext,
    private readonly sending: SendService,
    private readonly activationDeps: ActivationDeps,
  ) {
    this.store = new AutomationStore(context.database.sqlite, () => context.clock.now());
    this.unsubscribe = context.events.subscribe((name, payload) => {
      if (name !== 'send.progress') return;
      const progress = payload as EventPayload<'send.progress'>;
      if (progress.state === 'finished' || progress.state === 'cancelled')
        this.sendEnded(progress.sendId);
    });
  }

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe();
    await this.chain;
  }

  /** One pass over every active automation; resolves when it (and any pass before it) is done. */
  tick(): Promise<void> {
    const next = this.chain.then(() => this.pass());
    this.chain = next.catch((error: unknown) => this.context.logger.warn('automations', error));
    return this.chain;
  }

  list(): AutomationT[] {
    return this.store.all().map((row) => this.view(row));
  }

  get(id: string): AutomationT {
    return this.view(this.require(id));
  }

  runs(id: string): AutomationRunT[] {
    this.require(id);
    return this.store.runs(id).map((run) => this.runView(run));
  }

  save(draft: z.infer<typeof AutomationDraft>): AutomationT {
    const mailing = this.context.mailings.get(draft.mailingId);
    if (draft.kind === 'tillVoucher' && mailing.type !== 'voucher')
      throw new DomainError(
        ERROR_CODES.invalidInput,
        'A till automation sends a voucher mailing',
        'automations:errors.voucherMailing',
      );
    if (!draft.id) {
      const id = randomUUID();
      this.store.insert({
        id,
        kind: draft.kind,
        name: draft.name,
        mailingId: draft.mailingId,
        settings: draft.settings,
        status: 'draft',
        pauseReason: null,
        mailingHash: null,
        confirmed: [],
        activatedAt: null,
      });
      return this.get(id);
    }
    const current = this.require(draft.id);
    const otherMailing = current.mailingId !== draft.mailingId;
    this.store.update(current.id, {
      name: draft.name,
      mailingId: draft.mailingId,
      settings: draft.settings,
      // Another mailing needs its own activation (its checklist and the shop's confirmation).
      ...(otherMailing && current.status === 'active'
        ? {
            status: 'paused',
            pauseReason: { key: 'automations:reasons.mailingChosen', params: {} },
          }
        : {}),
    });
    return this.get(current.id);
  }

  /** Runs the checklist with a sample customer; on success the mailing is frozen as it is now. */
  async activate(id: string, confirmed: string[]): Promise<AutomationT> {
    const automation = this.require(id);
    const mailing = this.context.mailings.get(automation.mailingId);
    const problems = await activationProblems(
      this.context,
      this.activationDeps,
      mailing,
      confirmed,
      automation.kind === 'tillVoucher' ? automation.settings.folderPattern : undefined,
    );
    if (problems) throw problems;
    const now = this.context.clock.now();
    this.store.update(id, {
      status: 'active',
      pauseReason: null,
      mailingHash: mailingContentHash(mailing),
      confirmed,
      activatedAt: now,
    });
    // What stopped the last time (a cap, a check) is fixed now: those runs go on, unless too old.
    for (const run of this.store.runs(id)) {
      if (run.state !== 'stopped' || run.sendId || now - run.createdAt > MAX_FILE_AGE_MS) continue;
      this.store.updateRun(run.id, {
        state: run.selectionId ? 'checking' : 'importing',
        reason: null,
      });
    }
    this.announce(id);
    void this.tick();
    return this.get(id);
  }

  pause(id: string, reason: ReasonT | null = null): AutomationT {
    const automation = this.require(id);
    if (automation.status !== 'paused') {
      this.store.update(id, { status: 'paused', pauseReason: reason });
      this.announce(id);
    }
    return this.get(id);
  }

  delete(id: string): void {
    this.require(id);
    this.store.delete(id);
  }

  /** An edit of a mailing an active automation uses pauses it: it sends only what was activated. */
  mailingEdited(mailingId: string): void {
    for (const automation of this.store.all()) {
      if (automation.status !== 'active' || automation.mailingId !== mailingId) continue;
      this.checkFrozen(automation);
    }
  }

  private checkFrozen(automation: AutomationRow): boolean {
    let hash: string | null = null;
    try {
      hash = mailingContentHash(this.context.mailings.get(automation.mailingId));
    } catch {
      // deleted: paused below
    }
    if (hash !== null && hash === automation.mailingHash) return true;
    this.pause(automation.id, {
      key:
        hash === null ? 'automations:reasons.mailingDeleted' : 'automations:reasons.mailingChanged',
      params: {},
    });
    return false;
  }

  private async pass(): Promise<void> {
    for (const run of this.store.sending()) {
      const state = this.sending.sends.get(run.sendId ?? '')?.state;
      if (state === 'finished' || state === 'cancelled') this.sendEnded(run.sendId!);
    }
    for (const automation of this.store.all()) {
      if (automation.status !== 'active') continue;
      if (!this.checkFrozen(automation)) continue;
      if (automation.kind === 'tillVoucher') await this.tillPass(automation);
      else await this.birthdayPass(automation);
    }
  }

  /**
   * Today's run once its time has come; after the computer was off, yesterday's run still goes
   * (a birthday one day late), and older days since the activation are listed as skipped.
   */
  private async birthdayPass(automation: AutomationRow): Promise<void> {
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
      if (late) this.announce(automation.id, runId);
      else if (!(await this.continueBirthdayRun(automation.id, runId))) return;
    }
  }

  private async tillPass(automation: AutomationRow): Promise<void> {
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
        this.announce(automation.id);
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
    const automation = this.require(automationId);
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
      if (outcome.pause) this.pause(automationId, outcome.reason);
      return false;
    }
    if (after.state !== 'sending') this.store.updateRun(runId, { state: 'finished' });
    this.announce(automationId, runId);
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

  private sendEnded(sendId: string): void {
    const run = this.store.runBySend(sendId);
    if (!run || run.state !== 'sending') return;
    this.store.updateRun(run.id, { state: 'finished' });
    this.announce(run.automationId, run.id);
  }

  private announce(automationId: string, runId?: string): void {
    const automation = this.store.get(automationId);
    if (!automation) return;
    const run = runId ? this.store.runs(automationId).find((r) => r.id === runId) : undefined;
    this.context.events.emit('automations.changed', {
      automationId,
      name: automation.name,
      status: automation.status,
      pauseReason: automation.pauseReason,
      ...(run
        ? { run: { id: run.id, state: run.state, sent: this.store.sentCount(run.sendId) } }
        : {}),
    });
  }

  private require(id: string): AutomationRow {
    const row = this.store.get(id);
    if (!row)
      throw new DomainError(
        ERROR_CODES.notFound,
        `Automation ${id} does not exist`,
        'automations:errors.notFound',
      );
    return row;
  }

  private view(row: AutomationRow): AutomationT {
    const last = this.store.lastRun(row.id);
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      mailingId: row.mailingId,
      mailingSubject: this.store.mailingSubject(row.mailingId),
      settings: row.settings,
      status: row.status,
      pauseReason: row.pauseReason,
      confirmed: row.confirmed,
      activatedAt: row.activatedAt,
      lastRun: last ? this.runView(last) : null,
      createdAt: row.createdAt,
    };
  }

  private runView(run: RunRow): AutomationRunT {
    return { ...run, sent: this.store.sentCount(run.sendId) };
  }
}
