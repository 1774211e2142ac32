import { Alert, Anchor, Loader, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../electron/contract';
import { errorText } from '../../../components/fieldErrors';
import { useChannelQuery } from '../../../data/useChannelQuery';
import { href } from '../../../router';

export type Sender = ChannelOutput<'settings.get'>['senders'][number];

/** The account's sender identities (settings.get, shared with the account page's cache). */
export function useSenders(): { senders: Sender[] | null; error: unknown } {
  const { data, error } = useChannelQuery('settings.get', {});
  return { senders: data?.senders ?? null, error };
}

export function senderLabel(sender: Sender): string {
  return `${sender.name} <${sender.email}>`;
}

/** From: the sender identities of the account page; unverified ones can be chosen but say so. */
export function SenderSelect(props: {
  senders: Sender[] | null;
  loadError: unknown;
  value: string;
  disabled: boolean;
  onChange: (sender: Sender | null) => void;
}) {
  const { t } = useTranslation('mailings');
  if (props.loadError) return <Alert color="red">{errorText(props.loadError, t)}</Alert>;
  if (!props.senders) return <Loader size="sm" />;
  const senders = props.senders;
  const anyVerified = senders.some((s) => s.verified);
  const chosen = senders.find((s) => s.id === props.value);
  return (
    <div>
      <Select
        label={t('general.from')}
        description={t('general.fromHelp')}
        placeholder={t('general.fromPlaceholder')}
        value={chosen ? chosen.id : null}
        disabled={props.disabled}
        data={senders.map((s) => ({
          value: s.id,
          label: s.verified
            ? senderLabel(s)
            : t('general.unverifiedOption', { sender: senderLabel(s) }),
        }))}
        onChange={(id) => props.onChange(senders.find((s) => s.id === id) ?? null)}
        error={chosen && !chosen.verified ? t('general.unverifiedChosen') : undefined}
        allowDeselect={false}
      />
      {!anyVerified && (
        <Text size="sm" mt={4} data-testid="no-verified-sender">
          {senders.length === 0 ? t('general.noSenders') : t('general.noVerifiedSenders')}{' '}
          <Anchor href={href('/account')}>{t('general.toAccount')}</Anchor>
        </Text>
      )}
    </div>
  );
}
