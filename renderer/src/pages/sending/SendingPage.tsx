import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../../components/fieldErrors';
import { SendProgress } from './SendProgress';
import type { SendStatus } from './useSendStatus';
import { PageTitle } from '../../a11y/PageTitle';

/** Mailings - versturen: scheduled and running sends, with progress and their buttons. */
export function SendingPage() {
  const { t } = useTranslation('sending');
  const [sends, setSends] = useState<SendStatus[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The note when a send finishes comes from the Shell (useSendFinishedNotice), on every page.
  const apply = useCallback((list: SendStatus[]) => {
    setSends(list);
    setError(null);
  }, []);
  const load = useCallback(() => {
    api.call('send.list', {}).then(apply).catch(setError);
  }, [apply]);

  useEffect(() => {
    api.call('send.list', {}).then(apply).catch(setError);
    return api.on('send.progress', () => {
      api.call('send.list', {}).then(apply).catch(setError);
    });
  }, [apply]);

  return (
    <Stack maw={960} gap="md" data-testid="sending-page">
      <div>
        <PageTitle>{t('page.title')}</PageTitle>
        <Text c="dimmed">{t('page.intro')}</Text>
      </div>
      {error !== null && <Alert color="red">{errorText(error, t)}</Alert>}
      {sends === null && error === null && <Loader />}
      {sends?.length === 0 && <Text>{t('page.empty')}</Text>}
      {sends?.map((send) => (
        <SendProgress key={send.sendId} status={send} onChange={load} />
      ))}
    </Stack>
  );
}
