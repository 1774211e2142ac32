import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../../components/fieldErrors';
import { useChannelQuery } from '../../data/useChannelQuery';
import { OutboxMessageView } from './OutboxMessageView';
import { SectionFrame } from './SectionFrame';
import { useBusyAction } from './useBusyAction';
import { formatDateTime } from '../../format';

type Entry = Awaited<ReturnType<typeof api.call<'outbox.list'>>>[number];
type Message = Awaited<ReturnType<typeof api.call<'outbox.open'>>>;

/** Without a mail server, mails are kept as .eml files in the outbox folder: listed and opened here. */
export function OutboxSection() {
  const { t, i18n } = useTranslation('sending');
  const list = useChannelQuery('outbox.list', {});
  const entries: Entry[] | null = list.data ?? null;
  const [open, setOpen] = useState<Message | null>(null);
  const { error: actionError, run } = useBusyAction();
  const error = actionError ?? (list.isError ? list.error : null);
  const format = (ms: number) => formatDateTime(ms, i18n.language);
  return (
    <SectionFrame
      title={t('outbox.title')}
      description={t('outbox.description')}
      testId="outbox-section"
    >
      {entries?.length === 0 && <Text size="sm">{t('outbox.empty')}</Text>}
      {entries && entries.length > 0 && (
        <Table>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.file} data-testid="outbox-entry">
                <Table.Td>{format(entry.createdAt)}</Table.Td>
                <Table.Td>{entry.to}</Table.Td>
                <Table.Td>{entry.subject}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() =>
                      void run(async () =>
                        setOpen(await api.call('outbox.open', { file: entry.file })),
                      )
                    }
                  >
                    {t('outbox.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {error !== null && <Alert color="red">{errorText(error, t)}</Alert>}
      <Group>
        <Button variant="subtle" onClick={() => void list.refetch()}>
          {t('outbox.refresh')}
        </Button>
      </Group>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        size="xl"
        title={open?.subject ?? ''}
      >
        {open && <OutboxMessageView key={open.file} message={open} format={format} />}
      </Modal>
    </SectionFrame>
  );
}
