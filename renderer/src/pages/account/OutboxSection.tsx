import { Alert, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../mailings/errorText';
import { OutboxMessageView } from './OutboxMessageView';

type Entry = Awaited<ReturnType<typeof api.call<'outbox.list'>>>[number];
type Message = Awaited<ReturnType<typeof api.call<'outbox.open'>>>;

/** Without a mail server, mails are kept as .eml files in the outbox folder: listed and opened here. */
export function OutboxSection() {
  const { t, i18n } = useTranslation('sending');
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [open, setOpen] = useState<Message | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    api.call('outbox.list', {}).then(setEntries).catch(setError);
  }, []);
  useEffect(load, [load]);
  const format = (ms: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(ms);
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-label={t('outbox.title')}
      data-testid="outbox-section"
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {t('outbox.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('outbox.description')}
          </Text>
        </div>
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
                        api.call('outbox.open', { file: entry.file }).then(setOpen).catch(setError)
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
          <Button variant="subtle" onClick={load}>
            {t('outbox.refresh')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        size="xl"
        title={open?.subject ?? ''}
      >
        {open && <OutboxMessageView key={open.file} message={open} format={format} />}
      </Modal>
    </Card>
  );
}
