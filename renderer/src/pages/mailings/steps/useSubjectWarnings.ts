import { useDebouncedValue } from '@mantine/hooks';
import { useChannelQuery } from '../../../data/useChannelQuery';
import type { SubjectWarning } from '../../../mailing/mailingTypes';

const CHECK_DELAY_MS = 150;
const NONE: SubjectWarning[] = [];

/**
 * mailings.checkSubject shortly after typing stops; the last answer stays until the next is in.
 * Advice only: a failed check shows nothing and never blocks typing.
 */
export function useSubjectWarnings(subject: string, topLine: string): SubjectWarning[] {
  // Strings, not one object: a new object every render would restart the wait for ever.
  const [checkedSubject] = useDebouncedValue(subject, CHECK_DELAY_MS);
  const [checkedTopLine] = useDebouncedValue(topLine, CHECK_DELAY_MS);
  const check = useChannelQuery(
    'mailings.checkSubject',
    { subject: checkedSubject, topLine: checkedTopLine },
    { keepPrevious: true },
  );
  return check.data?.warnings ?? NONE;
}
