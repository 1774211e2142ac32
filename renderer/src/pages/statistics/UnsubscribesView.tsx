import { Alert, Group, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { DetailsTable } from './DetailsTable';
import { ExportButton } from './ExportButton';
import { formatNumber } from '../../format';

/** Uitschrijvingen: who will never be mailed again because of this mailing. */
export function UnsubscribesView({ stats }: { stats: ChannelOutput<'stats.get'> }) {
  const { t, i18n } = useTranslation('stats');
  return (
    <Stack gap="md">
      <Table withTableBorder maw={560}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>{t('unsubscribes')}</Table.Td>
            <Table.Td data-testid="unsubscribes-count">
              {formatNumber(stats.unsubscribes, i18n.language)}
            </Table.Td>
          </Table.Tr>
          {stats.complaints > 0 && (
            <Table.Tr>
              <Table.Td>{t('complaints')}</Table.Td>
              <Table.Td>{formatNumber(stats.complaints, i18n.language)}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Alert color="blue" variant="light">
        {t('unsubscribesNote')}
      </Alert>
      <Group justify="flex-end">
        <ExportButton
          input={{
            mailingId: stats.mailing.mailingId,
            table: 'unsubscribes',
            includeMachine: false,
          }}
        />
      </Group>
      <DetailsTable query={{ mailingId: stats.mailing.mailingId, list: 'unsubscribes' }} />
    </Stack>
  );
}
