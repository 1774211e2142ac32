import { simpleParser } from 'mailparser';
import { newBlock } from '../../../electron/services/render/document';
import type { TestApp } from '../../helpers/testApp';
import type { ReceivedMail } from '../sending/smtpSink';

export const SALE = 'https://bakkerij.nl/sale';
/** A mail gateway's link scanner: a machine click, not interest. */
export const SCANNER_AGENT = 'Mozilla/5.0 (compatible; Barracuda Sentinel link scanner)';

/** Adds a button to the shop's sale, so the mail has a tracked link. */
export async function addSaleButton(t: TestApp, mailingId: string): Promise<void> {
  const mailing = await t.call('mailings.get', { id: mailingId });
  const button = newBlock('button', 'sale');
  await t.call('mailings.update', {
    id: mailingId,
    patch: {
      document: {
        ...mailing.document,
        blocks: [...mailing.document.blocks, { ...button, data: { ...button.data, url: SALE } }],
      },
    },
  });
  t.app.context.mailings.markTested(mailingId, t.clock.now() + 1);
  t.clock.advance(1000);
}

export interface TrackedMail {
  to: string;
  subject: string;
  pixel: string;
  click: string;
  unsubscribe: string;
}

/** The pixel, the tracked link and the one-click unsubscribe URL of each received mail. */
export async function trackedMails(mails: ReceivedMail[], trackerUrl: string) {
  const escaped = trackerUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const result: TrackedMail[] = [];
  for (const mail of mails) {
    const parsed = await simpleParser(mail.raw);
    const html = typeof parsed.html === 'string' ? parsed.html : '';
    result.push({
      to: mail.to[0]!,
      subject: parsed.subject ?? '',
      pixel: new RegExp(`${escaped}/o/[A-Za-z0-9_.-]+\\.gif`).exec(html)?.[0] ?? '',
      click: new RegExp(`${escaped}/c/[A-Za-z0-9_.-]+`).exec(html)?.[0] ?? '',
      unsubscribe:
        /^List-Unsubscribe:\s*<(https?:[^>]+)>/im.exec(mail.raw.toString('utf8'))?.[1] ?? '',
    });
  }
  return result;
}

export function visit(url: string, agent: string): Promise<number> {
  return fetch(url, { headers: { 'user-agent': agent }, redirect: 'manual' }).then((r) => r.status);
}

export async function unsubscribeOneClick(url: string): Promise<number> {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  return answer.status;
}
