import { Alert, Badge, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../electron/contract';
import { useChannelQuery } from '../../data/useChannelQuery';
import { formatDateTime } from '../../format';
import { errorText } from '../../components/fieldErrors';

const PAGE_SIZE = 50;

type DetailsInput = Omit<ChannelInput<'stats.details'>, 'offset' | 'limit'>;

/** "details": who did it and when, a page of 50 at a time. */
export function DetailsTable({
  query,
  showReason = false,
}: {
  query: DetailsInput;
  showReason?: boolean;
}) {
  const { t, i18n } = useTranslation('stats');
  const [page, setPage] = useState(1);
  // The page shown stays until the next one is in: paging does not flash the loader.
  const { data, error, isError } = useChannelQuery(
    'stats.details',
    { ...query, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    { keepPrevious: true },
  );

  if (isError) return <Alert color="red">{errorText(error, t)}</Alert>;
  if (!data) return <Loader size="sm" aria-label={t('common:loading')} />;
  if (data.anonymised) return <Alert color="gray">{t('anonymised')}</Alert>;
  if (data.total === 0) return <Text c="dimmed">{t('nobody')}</Text>;
  const pages = Math.ceil(data.total / PAGE_SIZE);
  return (
    <Stack gap="xs">
      <Table striped withTableBorder data-testid={`details-${query.list}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('email')}</Table.Th>
            <Table.Th>{t('name')}</Table.Th>
            <Table.Th>{t('when')}</Table.Th>
            {showReason ? <Table.Th>{t('reason')}</Table.Th> : <Table.Th>{t('times')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((row, index) => (
            <Table.Tr key={`${row.email}-${index}`}>
              <Table.Td>
                <Group gap={6}>
                  {row.email}
                  {row.machine && (
                    <Badge size="xs" color="yellow" variant="light">
                      {t('machine')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td>{formatDateTime(row.at, i18n.language)}</Table.Td>
              {showReason ? (
                <Table.Td>{reasonText(row.detail, t)}</Table.Td>
              ) : (
                <Table.Td>{row.count}</Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
    </Stack>
  );
}

function reasonText(detail: string, t: (key: string) => string): string {
  const [kind, ...rest] = detail.split(': ');
  const reason = rest.join(': ');
  return `${kind === 'hard' ? t('hard') : t('soft')}${reason ? ` – ${reason}` : ''}`;
}
