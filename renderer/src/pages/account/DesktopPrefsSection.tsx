import { Alert, Switch } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage } from '../../components/fieldErrors';
import { SectionFrame } from './SectionFrame';
import { useBusyAction } from './useBusyAction';

type Prefs = ChannelOutput<'desktop.prefs.get'>;

/** Account - Programma: start at login and notifications; only in the installed app. */
export function DesktopPrefsSection() {
  const { t } = useTranslation('desktop');
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const { busy, error, setError, run } = useBusyAction();

  useEffect(() => {
    api.call('desktop.prefs.get', {}).then(setPrefs).catch(setError);
  }, [setError]);

  // One change at a time: the switches wait for the answer to the last one.
  const change = (patch: { startAtLogin?: boolean; notifyWhenSent?: boolean }) =>
    run(async () => setPrefs(await api.call('desktop.prefs.update', patch)));

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
