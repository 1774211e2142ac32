import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { formatDate, formatDateTime } from '../../format';

export type SelectionList = ChannelOutput<'selections.list'>;

/** Date & time, description, number of contacts: the list of the last three months. */
export function SelectionsTable({ selections }: { selections: SelectionList }) {
  const { t, i18n } = useTranslation('selections');
  return (
    <Table striped withTableBorder data-testid="selections-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('list.createdAt')}</Table.Th>
          <Table.Th>{t('list.description')}</Table.Th>
          <Table.Th>{t('list.count')}</Table.Th>
          <Table.Th>{t('segments:list.columns')}</Table.Th>
          <Table.Th>{t('list.usable')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {selections.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={5}>
              <Text c="dimmed">{t('list.empty')}</Text>
            </Table.Td>
          </Table.Tr>
        )}
        {selections.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{formatDateTime(s.createdAt, i18n.language, { seconds: true })}</Table.Td>
            <Table.Td>{s.description}</Table.Td>
            <Table.Td>{s.count}</Table.Td>
            <Table.Td>
              <Text size="sm">
                {s.columns.map((c) => `${c.name} (${t(`segments:types.${c.type}`)})`).join(', ')}
              </Text>
            </Table.Td>
            <Table.Td>
              {s.usable ? (
                formatDate(s.usableUntil, i18n.language)
              ) : (
                <Badge color="gray" variant="light">
                  {t('list.tooOld')}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
