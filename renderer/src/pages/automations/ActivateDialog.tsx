import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANUAL_CHECKS } from '../../../../electron/contract/plain/manualChecks';
import { api } from '../../api';
import { errorText } from '../../components/fieldErrors';
import type { Automation } from './automationTypes';

type ManualCheck = (typeof MANUAL_CHECKS)[number];

/**
 * Activation: says what will happen from now on (which files, when, at most how much), and asks
 * for the checklist's manual items once for every run. The main side runs the checklist.
 */
export function ActivateDialog(props: {
  automation: Automation;
  onClose: () => void;
  onActivated: () => void;
}) {
  const { t } = useTranslation('automations');
  const [ticked, setTicked] = useState<ManualCheck[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { settings, name } = props.automation;

  const activate = async () => {
    setBusy(true);
    setError('');
    try {
      await api.call('automations.activate', { id: props.automation.id, confirmed: ticked });
      props.onActivated();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const params = {
    pattern: settings.folderPattern,
    start: settings.windowStart,
    end: settings.windowEnd,
    maxRecipients: settings.maxRecipients,
    maxCredits: settings.maxCredits,
  };
  return (
    <Modal opened onClose={props.onClose} title={t('activate.title', { name })} size="lg">
      <Stack gap="md" data-testid="activate-dialog">
        <Text fw={500}>
          {props.automation.kind === 'birthday'
            ? t('activate.introBirthday', { ...params, time: settings.runAt })
            : settings.folderPattern
              ? t('activate.intro', params)
              : t('activate.introAll', params)}
        </Text>
        <Text>{t('activate.checks')}</Text>
        <Checkbox.Group value={ticked} onChange={(v) => setTicked(v as ManualCheck[])}>
          <Stack gap="xs">
            {MANUAL_CHECKS.map((id) => (
              <Checkbox key={id} value={id} label={t(`sending:manual.${id}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('activate.cancel')}
          </Button>
          <Button
            loading={busy}
            disabled={ticked.length < MANUAL_CHECKS.length}
            onClick={() => void activate()}
          >
            {t('activate.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
