import { z } from 'zod';
import { channel } from './channel';

/** Which line of the inbox a warning is about. */
export const SubjectField = z.enum(['subject', 'topLine']);

export const SubjectWarningCode = z.enum(['spamWord', 'capitals', 'exclamations', 'tooLong']);

export const SubjectWarning = z.object({
  field: SubjectField,
  code: SubjectWarningCode,
  /** i18next key, e.g. "mailings:subjectWarnings.spamWord". */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type SubjectWarningT = z.infer<typeof SubjectWarning>;

export const SubjectCheckInput = z
  .object({
    subject: z.string().max(1000).default(''),
    topLine: z.string().max(1000).default(''),
  })
  .strict();
export type SubjectCheckInputT = z.infer<typeof SubjectCheckInput>;

export const subjectChannels = {
  /** Advice while typing (never blocks saving): spam-prone words, capitals, "!!", length. */
  'mailings.checkSubject': channel(
    SubjectCheckInput,
    z.object({ warnings: z.array(SubjectWarning) }),
  ),
};
