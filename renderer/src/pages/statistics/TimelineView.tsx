import { Box, Stack, Text } from '@mantine/core';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { CHART_COLORS } from './charts';
import { MachineSwitch } from './OpenedView';

const HOURS = 7 * 24;

/** Opens and clicks per hour over the first seven days after sending. */
export function TimelineView(props: {
  stats: ChannelOutput<'stats.get'>;
  includeMachine: boolean;
  onIncludeMachine: (value: boolean) => void;
}) {
  const { stats, includeMachine } = props;
  const { t } = useTranslation('stats');
  const opens = new Array<number>(HOURS).fill(0);
  const clicks = new Array<number>(HOURS).fill(0);
  for (const point of stats.timeline) {
    opens[point.hour] = point.opens + (includeMachine ? point.machineOpens : 0);
    clicks[point.hour] = point.clicks + (includeMachine ? point.machineClicks : 0);
  }
  const labels = opens.map((_, hour) =>
    hour % 24 === 0
      ? t('day', { day: hour / 24 + 1 })
      : `${t('day', { day: Math.floor(hour / 24) + 1 })} +${hour % 24}u`,
  );
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('timelineNote')}
      </Text>
      <Box h={320}>
        <Line
          aria-label={t('types.timeline')}
          role="img"
          data-testid="timeline-chart"
          data={{
            labels,
            datasets: [
              {
                label: t('opens'),
                data: opens,
                borderColor: CHART_COLORS.opened,
                pointRadius: 0,
                tension: 0.2,
              },
              {
                label: t('clicks'),
                data: clicks,
                borderColor: CHART_COLORS.clicks,
                pointRadius: 0,
                tension: 0.2,
              },
            ],
          }}
          options={{
            maintainAspectRatio: false,
            interaction: { mode: 'index', intersect: false },
            scales: {
              x: {
                ticks: {
                  autoSkip: false,
                  callback: (_, index) => (index % 24 === 0 ? labels[index] : ''),
                },
              },
              y: { beginAtZero: true, ticks: { precision: 0 } },
            },
          }}
        />
      </Box>
      <MachineSwitch {...props} />
    </Stack>
  );
}
