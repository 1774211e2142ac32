import { Alert, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/fieldErrors';
import { useChannelQuery } from '../../data/useChannelQuery';
import { formatDateTime } from '../../format';

const PAGE = 50;

/** The block list, newest first, searchable; a click on an address opens its status. */
export function SuppressionList(props: { onPick: (email: string) => void }) {
  const { t, i18n } = useTranslation('suppression');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const list = useChannelQuery(
    'suppression.list',
    { query, limit: PAGE, offset: (page - 1) * PAGE },
    { keepPrevious: true },
  );
  const data = list.data;

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('list.title')}
      </Title>
      <TextInput
        label={t('list.filter')}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setPage(1);
        }}
      />
      {list.isError && (
        <Alert color="red" role="alert">
          {errorMessage(list.error, t)}
        </Alert>
      )}
      <Table striped withTableBorder data-testid="suppression-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.email')}</Table.Th>
            <Table.Th>{t('list.reason')}</Table.Th>
            <Table.Th>{t('list.date')}</Table.Th>
            <Table.Th>{t('list.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data?.entries.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text c="dimmed">{t('list.empty')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {data?.entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                {entry.email ? (
                  <Text
                    component="button"
                    type="button"
                    c="blue"
                    onClick={() => props.onPick(entry.email!)}
                    style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}
                  >
                    {entry.email}
                  </Text>
                ) : (
                  <Text c="dimmed">{t('list.erasedEmail')}</Text>
                )}
              </Table.Td>
              <Table.Td>{t(`reasons.${entry.reason}`)}</Table.Td>
              <Table.Td>
                {formatDateTime(entry.createdAt, i18n.language, { seconds: true })}
              </Table.Td>
              <Table.Td>{entry.detail}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data && data.total > PAGE && (
        <Pagination total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} />
      )}
      {data && (
        <Text size="sm" c="dimmed">
          {t('list.total', { count: data.total })}
        </Text>
      )}
    </Stack>
  );
}
