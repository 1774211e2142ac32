import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage, toFieldErrors, type FieldErrors } from '../../components/fieldErrors';
import { formatDateTime } from '../../format';
import { BounceList } from './BounceList';
import { channelKey } from '../../data/channelKey';
import { useChannelQuery } from '../../data/useChannelQuery';
import { useInvalidate } from '../../data/useInvalidate';

type View = ChannelOutput<'bounces.getSettings'>;
type Form = Pick<View, 'enabled' | 'address' | 'host' | 'security' | 'user' | 'useVerp'> & {
  port: number | string;
};
type Notice = { color: 'green' | 'red'; text: string } | null;

const DEFAULT_PORTS = { tls: 993, starttls: 143, none: 143 } as const;

function formFrom(view: View): Form {
  return {
    enabled: view.enabled,
    address: view.address,
    host: view.host,
    port: view.port,
    security: view.security,
    user: view.user,
    useVerp: view.useVerp,
  };
}

/**
 * Overig - account: the bounce mailbox (IMAP) that delivery reports come back to, with a test,
 * "read now", the last poll's outcome and the list of what came back (with undo).
 */
export function BounceboxSection() {
  const { t, i18n } = useTranslation('bounces');
  const client = useQueryClient();
  // Fetched again when bounces were processed (staleAfter.ts); unreadable: no section, as before.
  const view = useChannelQuery('bounces.getSettings', {}).data ?? null;
  /** The form as typed; until the first change (and after saving), the saved settings. */
  const [typedForm, setForm] = useState<Form | null>(null);
  const form = typedForm ?? (view ? formFrom(view) : null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<'save' | 'test' | 'poll' | null>(null);
  const invalidate = useInvalidate();

  if (!view || !form) return null;

  const input = (): ChannelInput<'bounces.updateSettings'> => ({
    ...form,
    port: typeof form.port === 'number' ? form.port : Number.NaN,
    ...(password ? { password } : {}),
  });
  const fail = (error: unknown) => {
    setErrors(toFieldErrors(error, t));
    setNotice({ color: 'red', text: errorMessage(error, t) });
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    setBusy('save');
    setNotice(null);
    api
      .call('bounces.updateSettings', input())
      .then((next) => {
        client.setQueryData(channelKey('bounces.getSettings', {}), next);
        setForm(null);
        setPassword('');
        setErrors({});
        setNotice({ color: 'green', text: t('settings:saved') });
      })
      .catch(fail)
      .finally(() => setBusy(null));
  };
  const test = () => {
    setBusy('test');
    setNotice(null);
    api
      .call('bounces.testConnection', input())
      .then((result) => {
        setErrors({});
        setNotice({
          color: 'green',
          text: t('testOk', { unseen: result.unseen, folder: result.processedFolder }),
        });
      })
      .catch(fail)
      .finally(() => setBusy(null));
  };
  const poll = () => {
    setBusy('poll');
    setNotice(null);
    api
      .call('bounces.pollNow', {})
      .then((r) => {
        setNotice({
          color: 'green',
          text: t('pollResult', {
            processed: r.processed,
            hard: r.hard,
            soft: r.soft,
            blocked: r.blocked,
            complaints: r.complaints,
            left: r.leftInInbox,
          }),
        });
        void invalidate('bounces.list');
      })
      .catch(fail)
      .finally(() => {
        setBusy(null);
        void invalidate('bounces.getSettings');
      });
  };

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-label={t('title')}
      data-testid="section-bouncebox"
    >
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={3} size="h4">
              {t('title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('intro')}
            </Text>
          </div>
          <Switch
            label={t('enabled')}
            checked={form.enabled}
            onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })}
          />
          <TextInput
            label={t('address')}
            description={t('addressHelp')}
            placeholder="bounces@uwwinkel.nl"
            value={form.address}
            error={errors['address']}
            onChange={(e) => setForm({ ...form, address: e.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('host')}
              placeholder="imap.provider.nl"
              value={form.host}
              error={errors['host']}
              onChange={(e) => setForm({ ...form, host: e.currentTarget.value })}
            />
            <NumberInput
              label={t('port')}
              value={form.port}
              error={errors['port']}
              allowDecimal={false}
              allowNegative={false}
              onChange={(value) => setForm({ ...form, port: value })}
            />
            <Select
              label={t('security')}
              value={form.security}
              allowDeselect={false}
              data={(['tls', 'starttls', 'none'] as const).map((value) => ({
                value,
                label: t(`securityOptions.${value}`),
              }))}
              onChange={(value) => {
                const security = (value ?? 'tls') as View['security'];
                const keepPort = !Object.values(DEFAULT_PORTS).includes(form.port as never);
                setForm({
                  ...form,
                  security,
                  port: keepPort ? form.port : DEFAULT_PORTS[security],
                });
              }}
            />
            <TextInput
              label={t('user')}
              value={form.user}
              error={errors['user']}
              autoComplete="off"
              onChange={(e) => setForm({ ...form, user: e.currentTarget.value })}
            />
            <PasswordInput
              label={t('password')}
              value={password}
              error={errors['password']}
              autoComplete="new-password"
              placeholder={view.passwordSet ? t('passwordKept') : ''}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {view.passwordSet ? t('passwordStored') : t('passwordNotStored')}
          </Text>
          <Checkbox
            label={t('useVerp')}
            description={t('useVerpHelp')}
            checked={form.useVerp}
            onChange={(e) => setForm({ ...form, useVerp: e.currentTarget.checked })}
          />
          <Text size="sm" c="dimmed" data-testid="bouncebox-status">
            {view.status.lastPollAt === null
              ? t('neverPolled')
              : t('lastPoll', {
                  at: formatDateTime(view.status.lastPollAt, i18n.language, { seconds: true }),
                })}
          </Text>
          {view.status.lastProblemKey && (
            <Alert color="orange">
              {t('lastProblem', { problem: t(view.status.lastProblemKey) })}
            </Alert>
          )}
          {notice && (
            <Alert color={notice.color} role={notice.color === 'red' ? 'alert' : 'status'}>
              {notice.text}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy === 'save'}>
              {t('settings:save')}
            </Button>
            <Button variant="default" onClick={test} loading={busy === 'test'}>
              {t('test')}
            </Button>
            {view.configured && (
              <Button variant="default" onClick={poll} loading={busy === 'poll'}>
                {t('pollNow')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <BounceList />
    </Card>
  );
}
