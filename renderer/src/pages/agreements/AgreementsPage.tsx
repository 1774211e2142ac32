import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { channelKey } from '../../data/channelKey';
import { useChannelQuery } from '../../data/useChannelQuery';
import { useAppInfo } from '../../hooks/useAppInfo';
import { errorMessage } from '../../components/fieldErrors';
import { navigate, usePath } from '../../router';
import { askedPath } from '../../hooks/useAgreementsGate';
import { Prose } from '../manual/Prose';
import { parseProse } from '../manual/prose';
import { AGREEMENT_DOCUMENTS, agreementText, type AgreementDocument } from './documents';
import { PageTitle } from '../../a11y/PageTitle';
import { formatDate } from '../../format';

/**
 * Overig - overeenkomsten: the terms, the processing agreement and the code of conduct. On the
 * first start (or after the texts changed) the shop accepts them here.
 */
export function AgreementsPage() {
  const { t, i18n } = useTranslation('agreements');
  const client = useQueryClient();
  const agreements = useChannelQuery('desktop.agreements.get', {});
  const state = agreements.data ?? null;
  const loadError = agreements.isError;
  const [tab, setTab] = useState<AgreementDocument>('terms');
  const [read, setRead] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');
  const productName = useAppInfo().info?.branding.productName ?? 'Winkelpost';
  const asked = askedPath(usePath());

  const doc = useMemo(
    () => parseProse(agreementText(i18n.language, tab, productName)),
    [i18n.language, tab, productName],
  );

  const accept = async () => {
    if (!state) return;
    setSaving(true);
    setSaveError('');
    try {
      const accepted = await api.call('desktop.agreements.accept', { version: state.version });
      client.setQueryData(channelKey('desktop.agreements.get', {}), accepted);
      navigate(asked ?? '/');
    } catch (error) {
      setSaveError(errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  };

  if (loadError) return <Alert color="red">{t('common:errors.internal')}</Alert>;
  if (!state) return <Loader />;
  return (
    <Stack maw={860} gap="lg">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text c="dimmed">
          {state.mustAccept ? t('introFirst') : t('intro', { product: productName })}
        </Text>
        <Text size="sm" c="dimmed" data-testid="agreements-version">
          {t('version', { version: state.version })}
        </Text>
      </div>
      {state.mustAccept && asked !== null && (
        <Alert color="blue" data-testid="agreements-first">
          {t('acceptFirst')}
        </Alert>
      )}
      {!state.mustAccept && state.acceptedAt !== null && (
        <Alert color="green" data-testid="agreements-accepted">
          {t('acceptedOn', {
            date: formatDate(state.acceptedAt, i18n.language),
          })}
        </Alert>
      )}
      {state.mustAccept && state.acceptedVersion !== null && (
        <Alert color="yellow">{t('renewed')}</Alert>
      )}
      <Tabs value={tab} onChange={(value) => value && setTab(value as AgreementDocument)}>
        <Tabs.List>
          {AGREEMENT_DOCUMENTS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`documents.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Card withBorder padding="lg" data-testid={`agreement-${tab}`}>
        <Title order={3} mb="sm">
          {doc.title}
        </Title>
        <Prose doc={doc} headingOrder={4} />
      </Card>
      {state.mustAccept && (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Checkbox
              label={t('confirmRead')}
              checked={read}
              onChange={(event) => setRead(event.currentTarget.checked)}
            />
            {saveError && (
              <Alert color="red" role="alert">
                {saveError}
              </Alert>
            )}
            <Group>
              <Button disabled={!read} loading={saving} onClick={() => void accept()}>
                {t('accept')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
