import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage, toFieldErrors } from '../../components/fieldErrors';
import { AddressStatusCard, type AddressStatus } from './AddressStatusCard';
import { SuppressionList } from './SuppressionList';
import { PageTitle } from '../../a11y/PageTitle';

/** Contacten - opnieuw inschrijven: look up an address, act on it, and the block list. */
export function ResubscribePage() {
  const { t } = useTranslation('suppression');
  const [email, setEmail] = useState('');
  const [status, setStatus] = useState<AddressStatus | null>(null);
  const [error, setError] = useState('');
  const [refreshKey, setRefreshKey] = useState(0);

  const lookUp = async (address: string) => {
    try {
      setStatus(await api.call('suppression.status', { email: address }));
      setError('');
    } catch (e) {
      setStatus(null);
      setError(toFieldErrors(e, t).email ?? errorMessage(e, t));
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void lookUp(email);
  };
  // "Nu bijwerken" (or the timer) may bring unsubscribes and confirmations: show them at once.
  const shown = status?.email;
  useEffect(
    () =>
      api.on('sync.finished', () => {
        setRefreshKey((k) => k + 1);
        if (shown) void lookUp(shown);
      }),
    // lookUp only sets state; the listener follows the address shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown],
  );
  const changed = (next: AddressStatus) => {
    setStatus(next);
    setRefreshKey((k) => k + 1);
  };

  return (
    <Stack maw={960} gap="lg">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Group align="start">
          <TextInput
            label={t('search.label')}
            placeholder={t('search.placeholder')}
            value={email}
            error={error || undefined}
            onChange={(e) => setEmail(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" mt={24}>
            {t('search.submit')}
          </Button>
        </Group>
      </form>
      {status && (
        <AddressStatusCard
          key={status.email}
          status={status}
          onChange={changed}
          onErased={() => {
            setRefreshKey((k) => k + 1);
            void lookUp(status.email);
          }}
        />
      )}
      <SuppressionList
        refreshKey={refreshKey}
        onPick={(address) => {
          setEmail(address);
          void lookUp(address);
        }}
      />
    </Stack>
  );
}
