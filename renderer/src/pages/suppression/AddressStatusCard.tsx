import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage } from '../../components/fieldErrors';
import { formatDate, formatDateTime } from '../../format';
import { EraseDialog } from './EraseDialog';
import { downloadJson } from './downloadJson';

export type AddressStatus = ChannelOutput<'suppression.status'>;

/** One address: why it is blocked (or not), and what may be done about it. */
export function AddressStatusCard(props: {
  status: AddressStatus;
  onChange: (status: AddressStatus) => void;
  onErased: () => void;
}) {
  const { t, i18n } = useTranslation('suppression');
  const { status } = props;
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [blockReason, setBlockReason] = useState('');
  const [erasing, setErasing] = useState(false);

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ color: 'green', text: await action() });
    } catch (e) {
      setMessage({ color: 'red', text: errorMessage(e, t) });
    } finally {
      setBusy(false);
    }
  };

  const entry = status.suppression;
  return (
    <Card withBorder padding="lg" data-testid="address-status">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('status.title', { email: status.email })}
        </Title>
        {entry ? (
          <Alert color="orange" data-testid="suppression-reason">
            <Text fw={600}>{t('status.suppressed', { reason: t(`reasons.${entry.reason}`) })}</Text>
            <Text size="sm">
              {t('status.since', {
                date: formatDateTime(entry.createdAt, i18n.language, { seconds: true }),
              })}
            </Text>
            {entry.detail && <Text size="sm">{t('status.detail', { detail: entry.detail })}</Text>}
            {entry.email === null && <Text size="sm">{t('status.erased')}</Text>}
          </Alert>
        ) : (
          <Alert color="green" data-testid="suppression-reason">
            {t('status.notSuppressed')}
          </Alert>
        )}
        {status.softBounces > 0 && (
          <Text size="sm">{t('status.softBounces', { count: status.softBounces })}</Text>
        )}
        <Text size="sm">{t('status.inSelections', { count: status.selections })}</Text>
        {status.resubscribe && (
          <Text size="sm">
            {status.resubscribe.confirmedAt
              ? t('status.confirmed', {
                  date: formatDate(status.resubscribe.confirmedAt, i18n.language),
                })
              : t('status.requested', {
                  date: formatDateTime(status.resubscribe.requestedAt, i18n.language, {
                    seconds: true,
                  }),
                })}
          </Text>
        )}
        {message && (
          <Alert color={message.color} role={message.color === 'red' ? 'alert' : 'status'}>
            {message.text}
          </Alert>
        )}
        <Group>
          {status.canResubscribe && (
            <Button
              loading={busy}
              onClick={() =>
                void act(async () => {
                  const result = await api.call('suppression.resubscribe', { email: status.email });
                  props.onChange(result.status);
                  return t('actions.resubscribeSent', { email: result.sentTo });
                })
              }
            >
              {t('actions.resubscribe')}
            </Button>
          )}
          {status.canLift && (
            <Button
              variant="default"
              loading={busy}
              onClick={() =>
                void act(async () => {
                  props.onChange(await api.call('suppression.lift', { email: status.email }));
                  return t('actions.lifted');
                })
              }
            >
              {t('actions.lift')}
            </Button>
          )}
        </Group>
        {!entry && (
          <Group align="end">
            <TextInput
              label={t('actions.blockReason')}
              value={blockReason}
              maxLength={500}
              onChange={(e) => setBlockReason(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              color="orange"
              loading={busy}
              onClick={() =>
                void act(async () => {
                  props.onChange(
                    await api.call('suppression.add', { email: status.email, detail: blockReason }),
                  );
                  return t('actions.blocked');
                })
              }
            >
              {t('actions.block')}
            </Button>
          </Group>
        )}
        <Group>
          <Button
            variant="default"
            onClick={() =>
              void act(async () => {
                const data = await api.call('contacts.export', { email: status.email });
                downloadJson(`winkelpost-${status.email}.json`, data);
                return t('actions.export');
              })
            }
          >
            {t('actions.export')}
          </Button>
          <Button color="red" variant="light" onClick={() => setErasing(true)}>
            {t('actions.erase')}
          </Button>
        </Group>
      </Stack>
      <EraseDialog
        email={status.email}
        opened={erasing}
        onClose={() => setErasing(false)}
        onErased={(text) => {
          setErasing(false);
          setMessage({ color: 'green', text });
          props.onErased();
        }}
      />
    </Card>
  );
}
