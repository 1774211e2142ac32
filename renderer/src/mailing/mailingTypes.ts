import type { ChannelInput, ChannelOutput } from '../../../electron/contract';
import { fillSampleCustomer } from '../../../electron/contract/plain/variables';

export type Mailing = ChannelOutput<'mailings.get'>;
export type MailingSummary = ChannelOutput<'mailings.list'>[number];
export type MailingPatch = ChannelInput<'mailings.update'>['patch'];
export type MailingType = Mailing['type'];
export type MailingDocument = Mailing['document'];
export type Block = MailingDocument['blocks'][number];
export type BlockType = Block['type'];
export type BlockData<T extends BlockType> = Extract<Block, { type: T }>['data'];
export type RichText = BlockData<'text'>['content'];
export type DocumentSettings = MailingDocument['settings'];
export type PreviewWarning = ChannelOutput<'mailings.preview'>['warnings'][number];
export type SubjectWarning = ChannelOutput<'mailings.checkSubject'>['warnings'][number];

/** The name a mailing goes by in lists: a template's fixed name, else its subject. */
export function mailingTitle(
  mailing: Pick<MailingSummary, 'subject' | 'templateKey'>,
  t: (key: string) => string,
): string {
  if (mailing.templateKey) return t(`mailings:templates.${mailing.templateKey}`);
  return mailing.subject.trim() === ''
    ? t('mailings:overview.noSubject')
    : fillSampleCustomer(mailing.subject);
}

/** Sent (or on its way) mailings are kept as they went out: read-only. */
export function isReadOnly(mailing: Pick<Mailing, 'status'>): boolean {
  return mailing.status !== 'draft';
}
