import { Alert, Switch } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage } from '../../components/fieldErrors';
import { channelKey } from '../../data/channelKey';
import { useChannelQuery } from '../../data/useChannelQuery';
import { SectionFrame } from './SectionFrame';
import { useBusyAction } from './useBusyAction';

/** Account - Programma: start at login and notifications; only in the installed app. */
export function DesktopPrefsSection() {
  const { t } = useTranslation('desktop');
  const client = useQueryClient();
  const stored = useChannelQuery('desktop.prefs.get', {});
  const prefs = stored.data ?? null;
  const { busy, error: actionError, run } = useBusyAction();
  const error = actionError ?? (stored.isError ? stored.error : null);

  // One change at a time: the switches wait for the answer to the last one.
  const change = (patch: { startAtLogin?: boolean; notifyWhenSent?: boolean }) =>
    run(async () => {
      const next = await api.call('desktop.prefs.update', patch);
      client.setQueryData(channelKey('desktop.prefs.get', {}), next);
    });

  const alert = error !== null && (
    <Alert color="red" role="alert">
      {errorMessage(error, t)}
    </Alert>
  );
  if (!prefs) return alert || null;
  return (
    <SectionFrame
      title={t('prefs.title')}
      description={prefs.available ? t('prefs.description') : t('prefs.unavailable')}
      testId="section-desktop"
    >
      {alert}
      {prefs.startAtLoginSupported && (
        <Switch
          label={t('prefs.startAtLogin')}
          description={t('prefs.startAtLoginHelp')}
          checked={prefs.startAtLogin}
          disabled={!prefs.available || busy}
          onChange={(event) => void change({ startAtLogin: event.currentTarget.checked })}
        />
      )}
      <Switch
        label={t('prefs.notifyWhenSent')}
        checked={prefs.notifyWhenSent}
        disabled={!prefs.available || busy}
        onChange={(event) => void change({ notifyWhenSent: event.currentTarget.checked })}
      />
    </SectionFrame>
  );
}
