import { useEffect, useState } from 'react';
import { api } from '../../../api';
import type { SubjectWarning } from '../../../mailing/mailingTypes';

const CHECK_DELAY_MS = 150;

/** mailings.checkSubject shortly after typing stops; the last answer wins. */
export function useSubjectWarnings(subject: string, topLine: string): SubjectWarning[] {
  const [warnings, setWarnings] = useState<SubjectWarning[]>([]);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api
        .call('mailings.checkSubject', { subject, topLine })
        .then((result) => current && setWarnings(result.warnings))
        .catch(() => undefined); // advice only: a failed check never blocks typing
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [subject, topLine]);
  return warnings;
}
