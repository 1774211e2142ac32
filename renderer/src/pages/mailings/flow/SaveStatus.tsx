import { Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/fieldErrors';
import { useDraft, useDraftSnapshot } from '../../../mailing/DraftContext';

/** "Opgeslagen" / "Bezig met opslaan…" / the error with "Opnieuw proberen"; read by screen readers. */
export function SaveStatus() {
  const { t } = useTranslation('mailings');
  const draft = useDraft();
  const saveState = useDraftSnapshot((s) => s.saveState);
  const error = useDraftSnapshot((s) => s.error);
  return (
    <Group gap="xs" data-testid="save-status" data-state={saveState}>
      {saveState === 'saved' && <IconCheck size={16} aria-hidden />}
      {saveState === 'saving' && <Loader size={14} aria-hidden />}
      {saveState === 'error' && (
        <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
      )}
      <Text size="sm" role="status" c={saveState === 'error' ? 'red.8' : 'dimmed'}>
        {saveState === 'error'
          ? t('save.failed', { reason: errorText(error, t) })
          : t(`save.${saveState}`)}
      </Text>
      {saveState === 'error' && (
        <Button size="compact-sm" variant="light" color="red" onClick={() => void draft.flush()}>
          {t('save.retry')}
        </Button>
      )}
    </Group>
  );
}
