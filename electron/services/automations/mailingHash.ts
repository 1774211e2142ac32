import { createHash } from 'node:crypto';
import type { MailingT } from '../../contract/mailings';

/**
 * What a recipient would see of a mailing, hashed: an active automation's mailing is frozen, and a
 * different hash means it was edited after activation.
 */
export function mailingContentHash(mailing: MailingT): string {
  const content = {
    subject: mailing.subject,
    topLine: mailing.topLine,
    from: mailing.from,
    replyTo: mailing.replyTo,
    document: mailing.document,
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
