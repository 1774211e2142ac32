import { Alert, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { useChannelQuery } from '../../data/useChannelQuery';
import { api } from '../../api';
import { errorMessage } from '../../components/fieldErrors';
import { SectionFrame } from './SectionFrame';
import { useBusyAction } from './useBusyAction';
import { formatBytes, formatDateTime } from '../../format';

type Backups = ChannelOutput<'desktop.backups.list'>;
type Backup = Backups['backups'][number];

/** Account - Reservekopieën: the daily backups, and putting one back (after a clear question). */
export function BackupSection() {
  const { t, i18n } = useTranslation('desktop');
  const list = useChannelQuery('desktop.backups.list', {});
  const data: Backups | null = list.data ?? null;
  const [chosen, setChosen] = useState<Backup | null>(null);
  const { busy, error: actionError, run } = useBusyAction();
  const error = actionError ?? (list.isError ? list.error : null);
  const [done, setDone] = useState<'automatic' | 'manual' | null>(null);

  const restore = (backup: Backup) =>
    run(async () => {
      try {
        const answer = await api.call('desktop.backups.restore', { id: backup.id });
        setDone(answer.restart);
        void list.refetch();
      } finally {
        // The question closes either way; a failure shows in the section.
        setChosen(null);
      }
    });

  const day = (backup: Backup) => formatDateTime(backup.createdAt, i18n.language);
  const size = (bytes: number) => formatBytes(bytes, i18n.language);

  return (
    <SectionFrame
      title={t('backups.title')}
      description={t('backups.description')}
      testId="section-backups"
    >
      {error !== null && (
        <Alert color="red" role="alert">
          {errorMessage(error, t)}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status">
          {t(done === 'automatic' ? 'backups.restartAutomatic' : 'backups.restartManual')}
        </Alert>
      )}
      {data?.pendingRestore && !done && (
        <Alert color="yellow">{t('backups.pending', { id: data.pendingRestore })}</Alert>
      )}
      {data && data.backups.length === 0 && <Text>{t('backups.empty')}</Text>}
      {data && data.backups.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backups.day')}</Table.Th>
              <Table.Th>{t('backups.kind')}</Table.Th>
              <Table.Th>{t('backups.size')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common:actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.backups.map((backup) => (
              <Table.Tr key={backup.id}>
                <Table.Td>{day(backup)}</Table.Td>
                <Table.Td>
                  {t(backup.kind === 'daily' ? 'backups.daily' : 'backups.beforeRestore')}
                </Table.Td>
                <Table.Td>{size(backup.size)}</Table.Td>
                <Table.Td>
                  <Button
                    variant="light"
                    size="xs"
                    onClick={() => setChosen(backup)}
                    disabled={done !== null}
                  >
                    {t('backups.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={chosen !== null}
        onClose={() => setChosen(null)}
        title={chosen ? t('backups.confirmTitle', { day: day(chosen) }) : ''}
      >
        <Stack>
          <Text>{t('backups.confirmBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setChosen(null)}>
              {t('backups.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => chosen && void restore(chosen)}>
              {t('backups.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionFrame>
  );
}
