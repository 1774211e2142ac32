import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES, type EventPayload } from '../../contract';
import type {
  AutomationDraft,
  AutomationRunT,
  AutomationT,
  ReasonT,
} from '../../contract/automations';
import type { SendService } from '../sending/sendService';
import { activationProblems, type ActivationDeps } from './activation';
import { AutomationRunner, MAX_FILE_AGE_MS } from './automationRunner';
import { AutomationStore, type AutomationRow, type RunRow } from './automationStore';
import { mailingContentHash } from './mailingHash';

const TICK_MS = 60 * 1000;

/**
 * The automations: their settings and status for the page, and the runs. A tick (every minute
 * while the app runs, and once at start to catch up) looks for new till files and continues runs a
 * crash left half-way; ticks never overlap.
 */
export class AutomationService {
  readonly store: AutomationStore;
  private readonly runner: AutomationRunner;
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly context: AppContext,
    private readonly sending: SendService,
    private readonly activationDeps: ActivationDeps,
  ) {
    this.store = new AutomationStore(context.database.sqlite, () => context.clock.now());
    this.runner = new AutomationRunner(context, this.store, sending, {
      pause: (id, reason) => this.pause(id, reason),
      announce: (automationId, runId) => this.announce(automationId, runId),
      require: (id) => this.require(id),
    });
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
      if (automation.kind === 'tillVoucher') await this.runner.tillPass(automation);
      else await this.runner.birthdayPass(automation);
    }
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
