import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressObject } from 'mailparser';
import { DomainError, ERROR_CODES } from '../../contract';
import { outboxDir } from '../sending/transport';

export interface OutboxEntryT {
  file: string;
  size: number;
  createdAt: number;
  subject: string;
  to: string;
}

export interface OutboxMessageT {
  file: string;
  subject: string;
  from: string;
  to: string;
  date: number | null;
  messageId: string | null;
  html: string | null;
  text: string;
  headers: { name: string; value: string }[];
  attachments: { fileName: string; contentType: string; size: number }[];
}

const EML = /^[\w.-]+\.eml$/;
/** The listing shows the newest ones; the folder itself keeps everything. */
const LIST_LIMIT = 500;

/** Unfolded header value from the first part of a message (enough for a listing line). */
function headerValue(head: string, name: string): string {
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

function decodeWords(value: string): string {
  return value.replace(
    /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
    (_all, _charset: string, enc: string, text: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text
        .replace(/_/g, ' ')
        .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    },
  );
}

export function listOutbox(dataDir: string): OutboxEntryT[] {
  const folder = outboxDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => EML.test(name));
  } catch {
    return [];
  }
  names.sort().reverse();
  return names.slice(0, LIST_LIMIT).map((file) => {
    const path = join(folder, file);
    const stat = statSync(path);
    const head =
      readFileSync(path)
        .subarray(0, 16 * 1024)
        .toString('utf8')
        .split(/\r?\n\r?\n/)[0] ?? '';
    return {
      file,
      size: stat.size,
      createdAt: Math.round(stat.mtimeMs),
      subject: decodeWords(headerValue(head, 'Subject')),
      to: decodeWords(headerValue(head, 'To')),
    };
  });
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

function readOutboxFile(dataDir: string, file: string): Buffer {
  if (!EML.test(file)) {
    throw new DomainError(
      ERROR_CODES.invalidInput,
      'Not an outbox file',
      'sending:errors.outboxNotFound',
    );
  }
  try {
    return readFileSync(join(outboxDir(dataDir), file));
  } catch {
    throw new DomainError(
      ERROR_CODES.notFound,
      `Outbox file ${file} not found`,
      'sending:errors.outboxNotFound',
    );
  }
}

/**
 * The HTML part as the viewer's sandboxed frame shows it: inline (cid:) images become data: URLs,
 * as a mail program shows them. Null when the message has no HTML part.
 */
export async function outboxHtml(dataDir: string, file: string): Promise<string | null> {
  const raw = readOutboxFile(dataDir, file);
  // Loaded when the outbox is opened, not at app start.
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(raw);
  return typeof parsed.html === 'string' ? parsed.html : null;
}

/** "Openen": the message parsed, as the customer's mail program would show it. */
export async function openOutboxMessage(dataDir: string, file: string): Promise<OutboxMessageT> {
  const raw = readOutboxFile(dataDir, file);
  // Loaded when the outbox is opened, not at app start.
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  const headers: { name: string; value: string }[] = [];
  for (const line of parsed.headerLines) {
    const colon = line.line.indexOf(':');
    headers.push({ name: line.line.slice(0, colon), value: line.line.slice(colon + 1).trim() });
  }
  return {
    file,
    subject: parsed.subject ?? '',
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    date: parsed.date ? parsed.date.getTime() : null,
    messageId: parsed.messageId ?? null,
    html: typeof parsed.html === 'string' ? parsed.html : null,
    text: parsed.text ?? '',
    headers,
    attachments: parsed.attachments.map((a) => ({
      fileName: a.filename ?? '',
      contentType: a.contentType,
      size: a.size,
    })),
  };
}
