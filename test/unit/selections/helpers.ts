import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../../helpers/testApp';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/selections');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export function csvBase64(lines: string[]): string {
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8').toString('base64');
}

/** Imports CSV lines as a selection through the real channel; returns its id. */
export async function importLines(
  t: TestApp,
  lines: string[],
  description = 'Test',
): Promise<string> {
  const result = await t.call('selections.import', {
    fileName: `${description}.csv`,
    dataBase64: csvBase64(lines),
    description,
    consent: true,
  });
  return result.selectionId;
}

/** A draft mailing row, written directly (the mailings service belongs to another area). */
export function insertMailing(
  t: TestApp,
  id: string,
  status = 'draft',
  templateKey: string | null = null,
): void {
  const now = t.clock.now();
  t.app.context.database.sqlite
    .prepare(
      `insert into mailings (id, type, subject, document, status, template_key, created_at,
         updated_at, content_changed_at) values (?, 'newsletter', ?, '{}', ?, ?, ?, ?, ?)`,
    )
    .run(id, `Mailing ${id}`, status, templateKey, now, now, now);
}

/** A sent mail in the send history (opaque recipient and message ids, as the queue makes them). */
export function insertSentJob(
  t: TestApp,
  mailingId: string,
  email: string,
  sentAt: number,
): string {
  const recipientId = randomUUID();
  const sqlite = t.app.context.database.sqlite;
  const sendId = `send-${mailingId}`;
  sqlite
    .prepare(
      `insert or ignore into sends (id, mailing_id, idempotency_key, state, created_at)
       values (?, ?, ?, 'finished', ?)`,
    )
    .run(sendId, mailingId, sendId, sentAt);
  sqlite
    .prepare(
      `insert into send_jobs (send_id, mailing_id, email, normalized_email, recipient_id, message_id,
         state, sent_at, updated_at) values (?, ?, ?, ?, ?, ?, 'sent', ?, ?)`,
    )
    .run(
      sendId,
      mailingId,
      email,
      email.toLowerCase(),
      recipientId,
      `<${randomUUID()}@winkel.nl>`,
      sentAt,
      sentAt,
    );
  return recipientId;
}

/** A small workbook with what real exports contain: text, numbers, dates, a formula, a hyperlink. */
export async function sampleWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Klanten');
  sheet.addRow(['E-mail', 'Voornaam', 'Bedrag', 'Lid sinds', 'Website', 'Berekend']);
  sheet.addRow(['jan@example.nl', 'Jan', 10.5, new Date(Date.UTC(2024, 2, 5)), 'x', 1]);
  sheet.addRow([
    { text: 'els@example.nl', hyperlink: 'mailto:els@example.nl' },
    { richText: [{ text: 'E' }, { text: 'ls', font: { bold: true } }] },
    7,
    null,
    { text: 'klik hier', hyperlink: 'http://evil.example' },
    { formula: 'HYPERLINK("http://evil.example","klik")', result: 'klik' },
  ]);
  sheet.addRow([{ formula: 'CONCATENATE("a","@example.nl")', result: 'a@example.nl' }, 'A']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
