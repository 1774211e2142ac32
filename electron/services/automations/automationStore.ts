import type Database from 'better-sqlite3';
import {
  AutomationSettings,
  type AutomationRunT,
  type AutomationSettingsT,
  type ReasonT,
} from '../../contract/automations';

export interface AutomationRow {
  id: string;
  kind: 'tillVoucher' | 'birthday';
  name: string;
  mailingId: string;
  settings: AutomationSettingsT;
  status: 'draft' | 'active' | 'paused';
  pauseReason: ReasonT | null;
  mailingHash: string | null;
  confirmed: string[];
  activatedAt: number | null;
  createdAt: number;
}

export type RunState = AutomationRunT['state'];

export interface RunRow {
  id: string;
  automationId: string;
  sourceKey: string;
  fileName: string | null;
  state: RunState;
  selectionId: string | null;
  runMailingId: string | null;
  sendId: string | null;
  rows: number;
  recipients: number;
  credits: number;
  skipped: Record<string, number>;
  reason: ReasonT | null;
  createdAt: number;
}

interface RawAutomation {
  id: string;
  kind: AutomationRow['kind'];
  name: string;
  mailing_id: string;
  settings: string;
  status: AutomationRow['status'];
  pause_reason: string | null;
  mailing_hash: string | null;
  confirmed: string;
  activated_at: number | null;
  created_at: number;
}

interface RawRun {
  id: string;
  automation_id: string;
  source_key: string;
  file_name: string | null;
  state: RunState;
  selection_id: string | null;
  run_mailing_id: string | null;
  send_id: string | null;
  rows: number;
  recipients: number;
  credits: number;
  skipped: string;
  reason: string | null;
  created_at: number;
}

const RUN_COLUMNS = {
  selectionId: 'selection_id',
  runMailingId: 'run_mailing_id',
  sendId: 'send_id',
  state: 'state',
  rows: 'rows',
  recipients: 'recipients',
  credits: 'credits',
  skipped: 'skipped',
  reason: 'reason',
} as const;
type RunPatch = Partial<Pick<RunRow, keyof typeof RUN_COLUMNS>>;

/** The automations, their runs and the keys of what each customer already got. */
export class AutomationStore {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => number,
  ) {}

  all(): AutomationRow[] {
    return (
      this.sqlite
        .prepare('select * from automations order by created_at, id')
        .all() as RawAutomation[]
    ).map(toAutomation);
  }

  get(id: string): AutomationRow | undefined {
    const raw = this.sqlite.prepare('select * from automations where id = ?').get(id) as
      RawAutomation | undefined;
    return raw ? toAutomation(raw) : undefined;
  }

  insert(row: Omit<AutomationRow, 'createdAt'>): void {
    const now = this.now();
    this.sqlite.transaction(() => {
      this.sqlite
        .prepare(
          `insert into automations (id, kind, name, mailing_id, settings, status, created_at, updated_at)
           values (?, ?, '', '', '{}', 'draft', ?, ?)`,
        )
        .run(row.id, row.kind, now, now);
      this.update(row.id, row);
    })();
  }

  update(id: string, patch: Partial<Omit<AutomationRow, 'id' | 'kind' | 'createdAt'>>): void {
    const current = this.get(id);
    if (!current) return;
    const next = { ...current, ...patch };
    this.sqlite
      .prepare(
        `update automations set name = ?, mailing_id = ?, settings = ?, status = ?, pause_reason = ?,
           mailing_hash = ?, confirmed = ?, activated_at = ?, updated_at = ? where id = ?`,
      )
      .run(
        next.name,
        next.mailingId,
        JSON.stringify(next.settings),
        next.status,
        next.pauseReason ? JSON.stringify(next.pauseReason) : null,
        next.mailingHash,
        JSON.stringify(next.confirmed),
        next.activatedAt,
        this.now(),
        id,
      );
  }

  delete(id: string): void {
    this.sqlite.prepare('delete from automations where id = ?').run(id);
  }

  runs(automationId: string): RunRow[] {
    return (
      this.sqlite
        .prepare(
          'select * from automation_runs where automation_id = ? order by created_at desc, rowid desc',
        )
        .all(automationId) as RawRun[]
    ).map(toRun);
  }

  lastRun(automationId: string): RunRow | undefined {
    return this.runs(automationId)[0];
  }

  runBySource(automationId: string, sourceKey: string): RunRow | undefined {
    const raw = this.sqlite
      .prepare('select * from automation_runs where automation_id = ? and source_key = ?')
      .get(automationId, sourceKey) as RawRun | undefined;
    return raw ? toRun(raw) : undefined;
  }

  runBySend(sendId: string): RunRow | undefined {
    const raw = this.sqlite
      .prepare('select * from automation_runs where send_id = ?')
      .get(sendId) as RawRun | undefined;
    return raw ? toRun(raw) : undefined;
  }

  /** Runs a crash or a pause left half-way (before their send existed). */
  unfinished(automationId: string): RunRow[] {
    return this.runs(automationId)
      .filter((r) => r.state === 'importing' || r.state === 'checking')
      .reverse();
  }

  /** Runs whose send is under way; they end when it ends. */
  sending(): RunRow[] {
    return (
      this.sqlite.prepare("select * from automation_runs where state = 'sending'").all() as RawRun[]
    ).map(toRun);
  }

  insertRun(
    row: Pick<RunRow, 'id' | 'automationId' | 'sourceKey' | 'fileName' | 'state'> & {
      reason?: ReasonT | null;
    },
  ): void {
    const now = this.now();
    this.sqlite
      .prepare(
        `insert into automation_runs (id, automation_id, source_key, file_name, state, reason,
           created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        row.automationId,
        row.sourceKey,
        row.fileName,
        row.state,
        row.reason ? JSON.stringify(row.reason) : null,
        now,
        now,
      );
  }

  updateRun(id: string, patch: RunPatch): void {
    const entries = Object.entries(patch) as [keyof RunPatch, unknown][];
    if (entries.length === 0) return;
    const sets = entries.map(([key]) => `${RUN_COLUMNS[key]} = ?`).join(', ');
    const values = entries.map(([key, value]) =>
      key === 'skipped' || key === 'reason'
        ? value === null
          ? null
          : JSON.stringify(value)
        : (value as string | number | null),
    );
    this.sqlite
      .prepare(`update automation_runs set ${sets}, updated_at = ? where id = ?`)
      .run(...values, this.now(), id);
  }

  /** Mails of a run's send that the server accepted. */
  /** The subject of the mailing an automation sends ('' when it is gone). */
  mailingSubject(mailingId: string): string {
    return (
      (this.sqlite.prepare('select subject from mailings where id = ?').pluck().get(mailingId) as
        string | undefined) ?? ''
    );
  }

  sentCount(sendId: string | null): number {
    if (!sendId) return 0;
    const row = this.sqlite
      .prepare("select count(*) as n from send_jobs where send_id = ? and state = 'sent'")
      .get(sendId) as { n: number };
    return row.n;
  }

  /** Whether another run of this automation already holds the key (e-mail, barcode or year). */
  heldByOtherRun(automationId: string, runId: string): (email: string, item: string) => boolean {
    const statement = this.sqlite.prepare(
      `select 1 from automation_keys
       where automation_id = ? and normalized_email = ? and item = ? and run_id <> ?`,
    );
    return (email, item) => statement.get(automationId, email, item, runId) !== undefined;
  }

  /** Claims the keys for a run (a key another run holds stays that run's). */
  claimKeys(automationId: string, runId: string, keys: { email: string; item: string }[]): void {
    const insert = this.sqlite.prepare(
      `insert or ignore into automation_keys (automation_id, normalized_email, item, run_id, created_at)
       values (?, ?, ?, ?, ?)`,
    );
    const now = this.now();
    this.sqlite.transaction(() => {
      for (const key of keys) insert.run(automationId, key.email, key.item, runId, now);
    })();
  }

  /** A run that did not send gives its keys back, so the next file may send those vouchers. */
  releaseKeys(runId: string): void {
    this.sqlite.prepare('delete from automation_keys where run_id = ?').run(runId);
  }
}

function toAutomation(raw: RawAutomation): AutomationRow {
  return {
    id: raw.id,
    kind: raw.kind,
    name: raw.name,
    mailingId: raw.mailing_id,
    settings: AutomationSettings.parse(JSON.parse(raw.settings)),
    status: raw.status,
    pauseReason: raw.pause_reason ? (JSON.parse(raw.pause_reason) as ReasonT) : null,
    mailingHash: raw.mailing_hash,
    confirmed: JSON.parse(raw.confirmed) as string[],
    activatedAt: raw.activated_at,
    createdAt: raw.created_at,
  };
}

function toRun(raw: RawRun): RunRow {
  return {
    id: raw.id,
    automationId: raw.automation_id,
    sourceKey: raw.source_key,
    fileName: raw.file_name,
    state: raw.state,
    selectionId: raw.selection_id,
    runMailingId: raw.run_mailing_id,
    sendId: raw.send_id,
    rows: raw.rows,
    recipients: raw.recipients,
    credits: raw.credits,
    skipped: JSON.parse(raw.skipped) as Record<string, number>,
    reason: raw.reason ? (JSON.parse(raw.reason) as ReasonT) : null,
    createdAt: raw.created_at,
  };
}
