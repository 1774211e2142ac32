import { Alert, Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage } from '../../components/fieldErrors';

type Prefs = ChannelOutput<'desktop.prefs.get'>;

/** Account - Programma: start at login and notifications; only in the installed app. */
export function DesktopPrefsSection() {
  const { t } = useTranslation('desktop');
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api
      .call('desktop.prefs.get', {})
      .then(setPrefs)
      .catch((e: unknown) => setError(errorMessage(e, t)));
  }, [t]);

  const change = async (patch: { startAtLogin?: boolean; notifyWhenSent?: boolean }) => {
    setError('');
    try {
      setPrefs(await api.call('desktop.prefs.update', patch));
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };

  if (!prefs) return error ? <Alert color="red">{error}</Alert> : null;
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-label={t('prefs.title')}
      data-testid="section-desktop"
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {t('prefs.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {prefs.available ? t('prefs.description') : t('prefs.unavailable')}
          </Text>
        </div>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {prefs.startAtLoginSupported && (
          <Switch
            label={t('prefs.startAtLogin')}
            description={t('prefs.startAtLoginHelp')}
            checked={prefs.startAtLogin}
            disabled={!prefs.available}
            onChange={(event) => void change({ startAtLogin: event.currentTarget.checked })}
          />
        )}
        <Switch
          label={t('prefs.notifyWhenSent')}
          checked={prefs.notifyWhenSent}
          disabled={!prefs.available}
          onChange={(event) => void change({ notifyWhenSent: event.currentTarget.checked })}
        />
      </Stack>
    </Card>
  );
}
