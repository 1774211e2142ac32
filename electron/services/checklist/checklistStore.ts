import type Database from 'better-sqlite3';

/** Every character String.prototype.trim() removes: SQLite's trim() alone strips only spaces. */
const JS_WHITESPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
  '\u2028\u2029\u202f\u205f\u3000\ufeff';

/** One variable over a range of staged recipients: how many lack it, and the first who does. */
export interface EmptyValueCount {
  count: number;
  /** The staged seq of the first recipient without it (null: nobody in the range). */
  firstSeq: number | null;
}

/** A variable the empty-values check reads, and how its value is found in a contact's data. */
export interface EmptyValueQuery {
  name: string;
  /** A voucher's barcode made from the reference number when the barcode itself is empty. */
  orFrom?: string;
}

/** What the checklist reads beyond the mailing itself. */
export class ChecklistStore {
  constructor(private readonly sqlite: Database.Database) {}

  /** The selections attached to a mailing, with their names and when they were imported. */
  attachedSelections(mailingId: string): { description: string; createdAt: number }[] {
    return this.sqlite
      .prepare(
        `select s.description, s.created_at as createdAt from mailing_selections ms
         join selections s on s.id = ms.selection_id where ms.mailing_id = ?`,
      )
      .all(mailingId) as { description: string; createdAt: number }[];
  }

  /**
   * Counts, per variable, the recipients of a send's staging table (temp.<table>, state
   * 'recipient', seq in (after, until]) whose contact data has no value for it: missing, null or
   * only whitespace, as render/variables.ts's variableValue reads it. Only the variables asked for
   * are taken out of the JSON, inside SQLite, so no recipient becomes a JavaScript object. The
   * importer writes a contact's data under its variable names (lower case), which are read as is.
   * Returns a reader for ranges, prepared once.
   */
  emptyValueCounter(
    table: string,
    variables: readonly EmptyValueQuery[],
  ): (after: number, until: number) => EmptyValueCount[] {
    if (variables.length === 0) return () => [];
    const params: Record<string, string> = {};
    // Each expression once per row (materialized: SQLite would otherwise copy it into both
    // aggregates below and read the JSON twice).
    const flags = emptyExpressions(variables, params).map((empty, i) => `${empty} as e${i}`);
    const columns = variables.map(
      (_, i) => `sum(e${i}) as c${i}, min(case when e${i} then seq end) as s${i}`,
    );
    const statement = this.sqlite.prepare(
      `with flags as materialized (
         select s.seq, ${flags.join(', ')} from temp.${table} s join contacts c on c.id = s.contact_id
         where s.state = 'recipient' and s.seq > @after and s.seq <= @until)
       select ${columns.join(', ')} from flags`,
    );
    return (after, until) => {
      const row = statement.get({ ...params, after, until }) as Record<string, number | null>;
      return variables.map((_, i) => ({
        count: row[`c${i}`] ?? 0,
        firstSeq: row[`s${i}`] ?? null,
      }));
    };
  }

  /**
   * The staged recipients in (after, until] lacking at least one of the variables (read as
   * emptyValueCounter reads them), in order: their address, naam and referentienummer as stored,
   * and per variable whether it is empty. Only these rows leave SQLite.
   */
  lackingReader(
    table: string,
    variables: readonly EmptyValueQuery[],
  ): (after: number, until: number) => LackingRecipient[] {
    if (variables.length === 0) return () => [];
    const params: Record<string, string> = {};
    const empties = emptyExpressions(variables, params);
    const statement = this.sqlite.prepare(
      `select * from (select s.seq, c.email, json_extract(c.data, '$.naam') as naam,
         json_extract(c.data, '$.referentienummer') as referentienummer,
         json_array(${empties.join(', ')}) as empty
       from temp.${table} s join contacts c on c.id = s.contact_id
       where s.state = 'recipient' and s.seq > @after and s.seq <= @until)
       where empty like '%1%' order by seq`,
    );
    return (after, until) =>
      (
        statement.all({ ...params, after, until }) as {
          email: string;
          naam: unknown;
          referentienummer: unknown;
          empty: string;
        }[]
      ).map((row) => ({
        email: row.email,
        naam: row.naam === null ? undefined : String(row.naam),
        referentienummer: row.referentienummer === null ? undefined : String(row.referentienummer),
        empty: (JSON.parse(row.empty) as number[]).map((flag) => flag === 1),
      }));
  }
}

/** A recipient lackingReader finds: what the checklist names, and which variables are empty. */
export interface LackingRecipient {
  email: string;
  naam: string | undefined;
  referentienummer: string | undefined;
  empty: boolean[];
}

/**
 * Per variable, SQL that is true when a contact (c) has no value for it: missing, null or only
 * whitespace, as render/variables.ts's variableValue reads it. Fills in the parameters it uses.
 */
function emptyExpressions(
  variables: readonly EmptyValueQuery[],
  params: Record<string, string>,
): string[] {
  params.ws = JS_WHITESPACE;
  const value = (name: string, key: string): string => {
    params[key] = name;
    // A quoted JSON path cannot hold every name; json_each matches any key exactly.
    return /^[a-z0-9_]+$/.test(name)
      ? `json_extract(c.data, '$."' || @${key} || '"')`
      : `(select j.value from json_each(c.data) j where j.key = @${key})`;
  };
  const blank = (expr: string) => `trim(coalesce(${expr}, ''), @ws) = ''`;
  return variables.map((variable, i) => {
    const own = blank(value(variable.name, `v${i}`));
    return variable.orFrom ? `(${own} and ${blank(value(variable.orFrom, `f${i}`))})` : own;
  });
}
