import { Alert, Grid, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/fieldErrors';
import { useMailingList } from '../../../mailing/useMailingList';
import { AddMailingButton } from './AddMailingButton';
import { HowToStart } from './HowToStart';
import { OpenMailingsTable } from './OpenMailingsTable';
import { OwnTemplatesTable } from './OwnTemplatesTable';
import { useLibrary } from '../../../library/useLibrary';
import { PageTitle } from '../../../a11y/PageTitle';

/** Mailings - overzicht: every mailing not sent yet, the templates first among them. */
export function MailingsPage() {
  const { t } = useTranslation('mailings');
  const { mailings, error } = useMailingList('open');
  const ownTemplates = useLibrary('template');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>{t('overview.title')}</PageTitle>
          <Text c="dimmed">{t('overview.intro')}</Text>
        </div>
        <AddMailingButton />
      </Group>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {error !== null && mailings === null && (
            <Alert color="red" role="alert">
              {errorText(error, t)}
            </Alert>
          )}
          {mailings === null && error === null && <Loader aria-label={t('common:loading')} />}
          {mailings && <OpenMailingsTable mailings={mailings} />}
          {ownTemplates.items && <OwnTemplatesTable items={ownTemplates.items} />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <HowToStart />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
