import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, toFieldErrors } from '../../components/fieldErrors';
import { channelKey } from '../../data/channelKey';
import { useChannelQuery } from '../../data/useChannelQuery';
import { AddressStatusCard, type AddressStatus } from './AddressStatusCard';
import { SuppressionList } from './SuppressionList';
import { PageTitle } from '../../a11y/PageTitle';

/**
 * Contacten - opnieuw inschrijven: look up an address, act on it, and the block list. A sync
 * ("Nu bijwerken" or the timer) makes both stale, so unsubscribes show at once.
 */
export function ResubscribePage() {
  const { t } = useTranslation('suppression');
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const lookup = useChannelQuery(
    'suppression.status',
    { email: shown ?? '' },
    { enabled: shown !== null },
  );
  const status = lookup.isError ? null : (lookup.data ?? null);
  const error = lookup.isError
    ? (toFieldErrors(lookup.error, t).email ?? errorMessage(lookup.error, t))
    : '';

  const lookUp = (address: string) => {
    // The same address again: ask afresh, as the shop expects from pressing the button.
    if (address === shown) void lookup.refetch();
    setShown(address);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    lookUp(email);
  };
  const changed = (next: AddressStatus) => {
    if (shown !== null)
      client.setQueryData(channelKey('suppression.status', { email: shown }), next);
    void client.invalidateQueries({ queryKey: ['suppression.list'] });
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
            void client.invalidateQueries({ queryKey: ['suppression.list'] });
            void client.invalidateQueries({ queryKey: ['suppression.status'] });
          }}
        />
      )}
      <SuppressionList
        onPick={(address) => {
          setEmail(address);
          lookUp(address);
        }}
      />
    </Stack>
  );
}
