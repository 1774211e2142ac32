import { Alert, Anchor, Box, Group, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Pie } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { CHART_COLORS } from './charts';
import { DetailsTable } from './DetailsTable';
import { ExportButton } from './ExportButton';
import { formatNumber, formatPercent } from '../../format';

type Stats = ChannelOutput<'stats.get'>;

export function openedFigures(stats: Stats, includeMachine: boolean) {
  const opened = stats.openers + (includeMachine ? stats.machineOpeners : 0);
  const base = stats.delivery.delivered;
  return { opened, possiblyOpened: Math.max(0, base - opened), base };
}

/** Geopend/mogelijk geopend: the pie, the table with "details", and what the figures mean. */
export function OpenedView(props: {
  stats: Stats;
  includeMachine: boolean;
  onIncludeMachine: (value: boolean) => void;
}) {
  const { stats, includeMachine } = props;
  const { t, i18n } = useTranslation('stats');
  const [showDetails, setShowDetails] = useState(false);
  const { opened, possiblyOpened, base } = openedFigures(stats, includeMachine);
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Box maw={320} mx="auto" w="100%">
          <Pie
            aria-label={t('types.opened')}
            role="img"
            data={{
              labels: [t('opened'), t('possiblyOpened')],
              datasets: [
                {
                  data: [opened, possiblyOpened],
                  backgroundColor: [CHART_COLORS.opened, CHART_COLORS.possibly],
                },
              ],
            }}
            options={{
              plugins: {
                legend: { position: 'bottom' },
                tooltip: {
                  callbacks: {
                    label: (item) =>
                      `${item.label}: ${formatPercent(Number(item.raw), base, i18n.language)}`,
                  },
                },
              },
            }}
          />
        </Box>
        <Stack gap="sm">
          <Table withTableBorder data-testid="opened-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('item')}</Table.Th>
                <Table.Th>{t('count')}</Table.Th>
                <Table.Th>%</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('opened')}</Table.Td>
                <Table.Td data-testid="opened-count">{n(opened)}</Table.Td>
                <Table.Td>{formatPercent(opened, base, i18n.language)}</Table.Td>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => setShowDetails((v) => !v)}
                  >
                    {showDetails ? t('hideDetails') : t('details')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('possiblyOpened')}</Table.Td>
                <Table.Td data-testid="possibly-opened-count">{n(possiblyOpened)}</Table.Td>
                <Table.Td>{formatPercent(possiblyOpened, base, i18n.language)}</Table.Td>
                <Table.Td />
              </Table.Tr>
              {!includeMachine && (
                <Table.Tr>
                  <Table.Td c="dimmed">{t('machineOpened')}</Table.Td>
                  <Table.Td c="dimmed" data-testid="machine-opened-count">
                    {n(stats.machineOpeners)}
                  </Table.Td>
                  <Table.Td />
                  <Table.Td />
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed">
            {t('totalOpens', { count: stats.opens + (includeMachine ? stats.machineOpens : 0) })}
          </Text>
          <MachineSwitch {...props} />
        </Stack>
      </SimpleGrid>
      <Alert color="blue" variant="light">
        {t('openedNote')}
      </Alert>
      {showDetails && (
        <Stack gap="xs">
          <Group justify="flex-end">
            <ExportButton
              input={{ mailingId: stats.mailing.mailingId, table: 'opened', includeMachine }}
            />
          </Group>
          <DetailsTable
            query={{ mailingId: stats.mailing.mailingId, list: 'opened', includeMachine }}
          />
        </Stack>
      )}
    </Stack>
  );
}

/** The one-line explanation of machine opens and the switch to count them. */
export function MachineSwitch(props: {
  stats: Stats;
  includeMachine: boolean;
  onIncludeMachine: (value: boolean) => void;
}) {
  const { t } = useTranslation('stats');
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed" data-testid="machine-note">
        {t('machineNote', { count: props.stats.machineOpeners })}
      </Text>
      <Switch
        label={t('includeMachine')}
        checked={props.includeMachine}
        onChange={(e) => props.onIncludeMachine(e.currentTarget.checked)}
      />
    </Stack>
  );
}
