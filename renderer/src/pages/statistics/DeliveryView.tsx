import { Alert, Group, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { DetailsTable } from './DetailsTable';
import { ExportButton } from './ExportButton';
import { formatNumber } from '../../format';

/** Verstuurd en bounces: what left, what arrived, what came back and why. */
export function DeliveryView({ stats }: { stats: ChannelOutput<'stats.get'> }) {
  const { t, i18n } = useTranslation('stats');
  const d = stats.delivery;
  const rows: [string, number, string][] = [
    ['sent', d.sent, 'delivery-sent'],
    ['delivered', d.delivered, 'delivery-delivered'],
    ['hardBounces', d.hardBounces, 'delivery-hard'],
    ['softBounces', d.softBounces, 'delivery-soft'],
  ];
  if (d.failed > 0) rows.push(['failed', d.failed, 'delivery-failed']);
  if (d.pending > 0) rows.push(['pending', d.pending, 'delivery-pending']);
  if (d.skipped > 0) rows.push(['skipped', d.skipped, 'delivery-skipped']);
  return (
    <Stack gap="md">
      <Table withTableBorder maw={560}>
        <Table.Tbody>
          {rows.map(([key, value, testId]) => (
            <Table.Tr key={key}>
              <Table.Td>{t(key)}</Table.Td>
              <Table.Td data-testid={testId}>{formatNumber(value, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Alert color="blue" variant="light">
        {t('bouncesNote')}
      </Alert>
      <Group justify="space-between">
        <Title order={4}>
          {t('hardBounces')} / {t('softBounces')}
        </Title>
        <ExportButton
          input={{ mailingId: stats.mailing.mailingId, table: 'delivery', includeMachine: false }}
        />
      </Group>
      <DetailsTable query={{ mailingId: stats.mailing.mailingId, list: 'bounces' }} showReason />
    </Stack>
  );
}
