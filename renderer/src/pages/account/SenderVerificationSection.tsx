import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../../components/fieldErrors';
import { SectionFrame } from './SectionFrame';
import { useSettings } from './SettingsContext';
import { useBusyAction } from './useBusyAction';

/** Each sender address is confirmed with a 6-digit code mailed to it, before it can be used. */
export function SenderVerificationSection() {
  const { t } = useTranslation('sending');
  const { settings } = useSettings();
  const senders = settings?.senders ?? [];
  return (
    <SectionFrame
      title={t('verify.title')}
      description={t('verify.description')}
      testId="sender-verification"
    >
      {senders.length === 0 && <Text size="sm">{t('verify.noSenders')}</Text>}
      {senders.map((s) => (
        <SenderRow key={s.id} senderId={s.id} email={s.email} verified={s.verified} />
      ))}
    </SectionFrame>
  );
}

function SenderRow(props: { senderId: string; email: string; verified: boolean }) {
  const { t } = useTranslation('sending');
  const [verified, setVerified] = useState(props.verified);
  const [pending, setPending] = useState<{ outboxFile: string | null } | null>(null);
  const [code, setCode] = useState('');
  const { busy, error, run } = useBusyAction();
  const sendCode = () =>
    run(async () => {
      const state = await api.call('senders.sendCode', { senderId: props.senderId });
      setPending({ outboxFile: state.outboxFile });
    });
  const check = () =>
    run(async () => {
      const state = await api.call('senders.verifyCode', { senderId: props.senderId, code });
      setVerified(state.verified);
      setPending(null);
    });

  return (
    <Stack gap={4} data-testid="sender-row" data-email={props.email}>
      <Group>
        <Text>{props.email}</Text>
        <Badge color={verified ? 'green' : 'gray'}>
          {verified ? t('verify.verified') : t('verify.unverified')}
        </Badge>
        {!verified && (
          <Button
            size="xs"
            variant="light"
            onClick={() => void sendCode()}
            loading={busy && !pending}
          >
            {pending ? t('verify.resend') : t('verify.sendCode')}
          </Button>
        )}
      </Group>
      {pending && !verified && (
        <Group align="end">
          <TextInput
            label={t('verify.codeLabel')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            inputMode="numeric"
            maxLength={7}
          />
          <Button onClick={() => void check()} loading={busy}>
            {t('verify.confirm')}
          </Button>
        </Group>
      )}
      {pending?.outboxFile && (
        <Text size="xs" c="dimmed">
          {t('verify.inOutbox')}
        </Text>
      )}
      {error !== null && <Alert color="red">{errorText(error, t)}</Alert>}
    </Stack>
  );
}
