import type { MailingPreview, PreviewWarningT } from '../../contract/mailings';
import type { z } from 'zod';
import { renderForRecipient } from '../render';
import type { MailingsService } from './mailingsService';
import {
  compileStoredMailing,
  loadContact,
  renderInputFor,
  type RenderInputDeps,
} from './renderInput';

/**
 * mailings.preview: the same compile and substitution as a send, for one contact (or the manual's
 * sample values). Images come as data: URLs, links untracked and no pixel, so looking never counts.
 */
export async function previewMailing(
  deps: RenderInputDeps & { mailings: MailingsService },
  id: string,
  contactId?: number,
): Promise<z.infer<typeof MailingPreview>> {
  const mailing = deps.mailings.get(id);
  const contact = loadContact(deps.db, contactId);
  const input = renderInputFor(mailing, contact);
  const { compiled, senderMissing } = await compileStoredMailing(deps, mailing, input.compile);
  const mail = renderForRecipient(
    compiled,
    { email: contact.email, data: input.data, recipientId: 'preview' },
    { mode: 'preview' },
  );
  const warnings: PreviewWarningT[] = [...mail.warnings];
  if (senderMissing) warnings.push({ code: 'noSender', key: 'mailings:warnings.noSender' });
  if (mailing.subject.trim() === '')
    warnings.push({ code: 'emptySubject', key: 'mailings:warnings.emptySubject' });
  return {
    subject: mail.subject,
    topLine: mail.topLine,
    html: mail.html,
    text: mail.text,
    warnings,
    links: compiled.links,
  };
}
