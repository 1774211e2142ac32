import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../../components/fieldErrors';
import { navigate } from '../../router';
import type { MailingSummary } from '../../mailing/mailingTypes';

/**
 * Copies a mailing (or a BASIS/VOORBEELD template) and opens the copy at step 2, where the
 * shopkeeper gives it its own subject first (the order the old product taught).
 */
export function useCopyMailing() {
  const { t } = useTranslation('mailings');
  const [copyingId, setCopyingId] = useState<string | null>(null);
  const copy = async (source: Pick<MailingSummary, 'id' | 'type'>) => {
    setCopyingId(source.id);
    try {
      const copyOf = await api.call('mailings.create', { type: source.type, fromId: source.id });
      navigate(`/mailings/${copyOf.id}/algemeen`);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('overview.copyFailed'),
        message: errorText(error, t),
      });
    } finally {
      setCopyingId(null);
    }
  };
  return { copy, copyingId };
}
