import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { LedgerRow } from '../../contract/credits';

type LedgerRowT = z.infer<typeof LedgerRow>;

/** One line of the tracker's ledger as the local copy keeps it. */
export interface LedgerEntry {
  at: number;
  delta: number;
  kind: string;
  amount: number;
  reference: string | null;
}

/** The local copy of the tracker's credit ledger (table credit_ledger), newest first. */
export class CreditLedgerStore {
  private readonly s;

  constructor(sqlite: Database.Database) {
    this.s = {
      clear: sqlite.prepare('delete from credit_ledger'),
      insert: sqlite.prepare(
        'insert into credit_ledger (id, at, delta, kind, description) values (?, ?, ?, ?, ?)',
      ),
      rows: sqlite.prepare(
        `select l.at, l.kind, l.delta, l.description, m.subject from credit_ledger l
         left join sends s on s.id = json_extract(l.description, '$.reference')
         left join mailings m on m.id = s.mailing_id
         order by l.at desc, l.id`,
      ),
    };
  }

  /** The tracker's ledger is the truth: the copy is replaced, never merged. Call in a transaction. */
  replace(entries: readonly LedgerEntry[]): void {
    this.s.clear.run();
    entries.forEach((entry, index) => {
      this.s.insert.run(
        `t${index}`,
        entry.at,
        entry.delta,
        entry.kind,
        JSON.stringify({ amount: entry.amount, reference: entry.reference }),
      );
    });
  }

  /** The ledger with the subject of the mailing a reservation or charge was for. */
  history(): LedgerRowT[] {
    const rows = this.s.rows.all() as {
      at: number;
      kind: LedgerRowT['kind'];
      delta: number;
      description: string;
      subject: string | null;
    }[];
    return rows.map((row) => {
      const { amount, reference } = JSON.parse(row.description) as {
        amount: number;
        reference: string | null;
      };
      return {
        at: row.at,
        kind: row.kind,
        delta: row.delta,
        amount,
        sendId: reference,
        subject: row.subject,
      };
    });
  }
}
