import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useChannelQuery } from '../../data/useChannelQuery';
import { href } from '../../router';
import { errorText } from '../../components/fieldErrors';
import { ActivateDialog } from './ActivateDialog';
import { AutomationForm } from './AutomationForm';
import { AutomationsTable } from './AutomationsTable';
import type { Automation, AutomationKind } from './automationTypes';
import { RunLog } from './RunLog';
import { useAutomations } from './useAutomations';

type Dialog =
  | { kind: 'form'; automation: Automation | null }
  | { kind: 'activate'; automation: Automation }
  | { kind: 'log'; automation: Automation }
  | { kind: 'delete'; automation: Automation }
  | null;

/**
 * One kind of automation ("Waardebonnen uit de kassa", "Verjaardagen"): the list, a new one,
 * edit, activate, pause and the log.
 */
export function AutomationSection({ kind }: { kind: AutomationKind }) {
  const { t } = useTranslation('automations');
  const { automations, error, reload } = useAutomations();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState('');
  const shopSettings = useChannelQuery('settings.get', {});
  // Unreadable settings count as "no folder": the notice sends the shopkeeper to Account.
  const importFolder = shopSettings.isError ? '' : (shopSettings.data?.importFolder ?? null);
  const own = automations?.filter((a) => a.kind === kind) ?? null;

  const act = async (work: () => Promise<unknown>) => {
    setActionError('');
    try {
      await work();
    } catch (caught) {
      setActionError(errorText(caught, t));
    }
    reload();
  };

  return (
    <Stack gap="md" component="section" aria-labelledby={`${kind}-title`}>
      <div>
        <Title order={2} size="h3" id={`${kind}-title`}>
          {t(`${kind}.title`)}
        </Title>
        <Text c="dimmed">{t(`${kind}.intro`)}</Text>
      </div>
      {kind === 'tillVoucher' && importFolder === '' && (
        <Alert color="yellow">
          {t('folder.none')} <Anchor href={href('/account')}>{t('folder.settings')}</Anchor>
        </Alert>
      )}
      {kind === 'tillVoucher' && importFolder && (
        <Text size="sm" c="dimmed">
          {t('folder.set', { folder: importFolder })}
        </Text>
      )}
      <Group>
        <Button onClick={() => setDialog({ kind: 'form', automation: null })}>
          {t(`${kind}.new`)}
        </Button>
      </Group>
      {(error !== null || actionError !== '') && (
        <Alert color="red" role="alert">
          {actionError || errorText(error, t)}
        </Alert>
      )}
      {own === null && error === null && <Loader aria-label={t('common:loading')} />}
      {own?.length === 0 && <Text c="dimmed">{t(`${kind}.empty`)}</Text>}
      {own && own.length > 0 && (
        <AutomationsTable
          automations={own}
          onEdit={(automation) => setDialog({ kind: 'form', automation })}
          onActivate={(automation) => setDialog({ kind: 'activate', automation })}
          onPause={(automation) =>
            void act(() => api.call('automations.pause', { id: automation.id }))
          }
          onLog={(automation) => setDialog({ kind: 'log', automation })}
          onDelete={(automation) => setDialog({ kind: 'delete', automation })}
        />
      )}
      {dialog?.kind === 'form' && (
        <AutomationForm
          kind={kind}
          automation={dialog.automation}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            reload();
            // A new one goes straight on to activation; an active one keeps running.
            setDialog(saved.status === 'active' ? null : { kind: 'activate', automation: saved });
          }}
        />
      )}
      {dialog?.kind === 'activate' && (
        <ActivateDialog
          automation={dialog.automation}
          onClose={() => setDialog(null)}
          onActivated={() => {
            setDialog(null);
            reload();
          }}
        />
      )}
      <Modal
        opened={dialog?.kind === 'delete'}
        onClose={() => setDialog(null)}
        title={t('list.delete')}
      >
        <Text mb="md">{t('list.deleteConfirm', { name: dialog?.automation?.name ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDialog(null)}>
            {t('form.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              const id = dialog?.automation?.id ?? '';
              setDialog(null);
              void act(() => api.call('automations.delete', { id }));
            }}
          >
            {t('list.delete')}
          </Button>
        </Group>
      </Modal>
      {dialog?.kind === 'log' && (
        <RunLog automation={dialog.automation} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}
