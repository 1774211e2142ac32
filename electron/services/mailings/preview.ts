import { eq } from 'drizzle-orm';
import { contacts } from '../../../db/schema';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { MailingPreview, PreviewWarningT } from '../../contract/mailings';
import type { z } from 'zod';
import { renderForRecipient, SAMPLE_DATA } from '../render';
import type { MailingsService } from './mailingsService';
import { compileStoredMailing, type RenderInputDeps } from './renderInput';

interface PreviewContact {
  email: string;
  data: Record<string, unknown>;
  selectionId: string | undefined;
}

function loadContact(deps: RenderInputDeps, contactId: number | undefined): PreviewContact {
  if (contactId === undefined)
    return { email: SAMPLE_DATA.email ?? '', data: { ...SAMPLE_DATA }, selectionId: undefined };
  const row = deps.db.select().from(contacts).where(eq(contacts.id, contactId)).get();
  if (!row) {
    throw new DomainError(
      ERROR_CODES.notFound,
      `Contact ${contactId} does not exist`,
      'mailings:errors.contactNotFound',
      {
        contactId,
      },
    );
  }
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.data);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      data = parsed as Record<string, unknown>;
  } catch {
    // An unreadable row previews as a contact without values: the empty-value warnings say so.
  }
  return { email: row.email, data, selectionId: row.selectionId };
}

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
  const contact = loadContact(deps, contactId);
  const { compiled, senderMissing } = await compileStoredMailing(deps, mailing, {
    ...(contact.selectionId ? { alsoSelectionIds: [contact.selectionId] } : {}),
  });
  const mail = renderForRecipient(
    compiled,
    { email: contact.email, data: contact.data, recipientId: 'preview' },
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
