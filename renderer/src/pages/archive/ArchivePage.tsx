import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/fieldErrors';
import { MailingsTable } from '../mailings/MailingsTable';
import { useMailingList } from '../../mailing/useMailingList';
import { PageTitle } from '../../a11y/PageTitle';

/** Mailings - archief: what was sent, to look at as it went out, or to copy into a new mailing. */
export function ArchivePage() {
  const { t } = useTranslation('mailings');
  const { mailings, error } = useMailingList('sent');
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('archive.title')}</PageTitle>
        <Text c="dimmed">{t('archive.intro')}</Text>
      </div>
      {error !== null && mailings === null && (
        <Alert color="red" role="alert">
          {errorText(error, t)}
        </Alert>
      )}
      {mailings === null && error === null && <Loader aria-label={t('common:loading')} />}
      {mailings?.length === 0 && <Text c="dimmed">{t('archive.empty')}</Text>}
      {mailings && mailings.length > 0 && (
        <MailingsTable
          mailings={mailings}
          testId="archived-mailings"
          dateHeading={t('archive.sentAt')}
          dateOf={(mailing) => mailing.sentAt ?? mailing.updatedAt}
          pathOf={(mailing) => `/mailings/${mailing.id}/preview`}
          copyTooltip={t('archive.copy')}
        />
      )}
    </Stack>
  );
}
