import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { api, ApiError } from '../../api';
import { channelKey } from '../../data/channelKey';
import { useChannelQuery } from '../../data/useChannelQuery';
import { useAppInfo } from '../../hooks/useAppInfo';
import { formatDateTime } from '../../format';
import { errorText } from '../../components/fieldErrors';
import { SectionFrame } from './SectionFrame';
import { useBusyAction } from './useBusyAction';

type Status = ChannelOutput<'account.status'>;

/** Overig - account: log in to the tracker account, or see the link and log out. */
export function AccountLinkSection() {
  const { t } = useTranslation('accountLink');
  const client = useQueryClient();
  const status = useChannelQuery('account.status', {}).data ?? null;
  // Log in and out answer the new status: the header's sync line follows at once.
  const setStatus = (next: Status) => client.setQueryData(channelKey('account.status', {}), next);

  return (
    <SectionFrame title={t('title')} description={t('intro')} testId="section-account-link">
      {status === null ? null : status.linked && !status.sessionExpired ? (
        <LinkedView status={status} onChange={setStatus} />
      ) : (
        <LoginForm status={status} onChange={setStatus} />
      )}
    </SectionFrame>
  );
}

function LoginForm({ status, onChange }: { status: Status; onChange: (s: Status) => void }) {
  const { t } = useTranslation('accountLink');
  const { info } = useAppInfo();
  const [userName, setUserName] = useState(status.rememberedUserName ?? status.userName ?? '');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(status.rememberedUserName !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    api
      .call('account.login', { userName, password, rememberUserName: remember })
      .then((next) => {
        setPassword('');
        onChange(next);
      })
      .catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.issues.length > 0) {
          setFieldErrors(
            Object.fromEntries(
              failure.issues.map((issue) => [
                issue.field,
                issue.key ? t(issue.key) : issue.message,
              ]),
            ),
          );
        } else {
          setError(errorText(failure, t));
        }
      })
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={420}>
        {status.sessionExpired && <Alert color="yellow">{t('sessionExpired')}</Alert>}
        <TextInput
          label={t('userName')}
          autoComplete="username"
          value={userName}
          error={fieldErrors.userName}
          onChange={(e) => setUserName(e.currentTarget.value)}
        />
        <PasswordInput
          label={t('password')}
          autoComplete="current-password"
          value={password}
          error={fieldErrors.password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Checkbox
          label={t('remember')}
          checked={remember}
          onChange={(e) => setRemember(e.currentTarget.checked)}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            {t('login')}
          </Button>
          {info?.branding.forgotPasswordUrl && (
            <Anchor
              href={info.branding.forgotPasswordUrl}
              target="_blank"
              rel="noopener noreferrer"
              size="sm"
            >
              {t('forgotPassword')}
            </Anchor>
          )}
          {info?.branding.signUpUrl && (
            <Anchor
              href={info.branding.signUpUrl}
              target="_blank"
              rel="noopener noreferrer"
              size="sm"
            >
              {t('signUp')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function LinkedView({ status, onChange }: { status: Status; onChange: (s: Status) => void }) {
  const { t, i18n } = useTranslation('accountLink');
  const syncing = useBusyAction();
  const loggingOut = useBusyAction();
  const error = syncing.error ?? loggingOut.error;
  const sync = status.sync;

  const syncNow = () =>
    syncing.run(async () => onChange({ ...status, sync: await api.call('sync.now', {}) }));
  const logout = () => loggingOut.run(async () => onChange(await api.call('account.logout', {})));

  return (
    <Stack gap="sm">
      <Text data-testid="account-linked">
        {t('linkedAs', { userName: status.userName ?? '', shopName: status.shopName ?? '' })}
      </Text>
      <Text size="sm" c={sync.errorKey ? 'orange.8' : 'dimmed'} data-testid="account-sync">
        {sync.lastSyncAt
          ? t('sync.last', { when: formatDateTime(sync.lastSyncAt, i18n.language) })
          : t('sync.never')}
        {sync.errorKey ? ` · ${t(sync.errorKey)}` : ''}
      </Text>
      {error !== null && (
        <Alert color="red" role="alert">
          {errorText(error, t)}
        </Alert>
      )}
      <Group>
        <Button variant="default" loading={syncing.busy} onClick={() => void syncNow()}>
          {t('syncNow')}
        </Button>
        <Button
          variant="outline"
          color="red"
          loading={loggingOut.busy}
          onClick={() => void logout()}
        >
          {t('logout')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('logoutHelp')}
      </Text>
    </Stack>
  );
}
