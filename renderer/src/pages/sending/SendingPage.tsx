import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/fieldErrors';
import { useChannelQuery } from '../../data/useChannelQuery';
import { SendProgress } from './SendProgress';
import { PageTitle } from '../../a11y/PageTitle';

/** Mailings - versturen: scheduled and running sends, with progress and their buttons. */
export function SendingPage() {
  const { t } = useTranslation('sending');
  // Fetched again on every send.progress (staleAfter.ts).
  const { data: sends, error, isError, isPending } = useChannelQuery('send.list', {});
  // The note when a send finishes comes from the Shell (useSendFinishedNotice), on every page.

  return (
    <Stack maw={960} gap="md" data-testid="sending-page">
      <div>
        <PageTitle>{t('page.title')}</PageTitle>
        <Text c="dimmed">{t('page.intro')}</Text>
      </div>
      {isError && <Alert color="red">{errorText(error, t)}</Alert>}
      {isPending && <Loader />}
      {sends?.length === 0 && <Text>{t('page.empty')}</Text>}
      {sends?.map((send) => (
        <SendProgress key={send.sendId} status={send} />
      ))}
    </Stack>
  );
}
