import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../hooks/useAppInfo';
import { HomeStatsCards } from '../statistics/HomeStatsCards';
import { PageTitle } from '../../a11y/PageTitle';
import { useChannelQuery } from '../../data/useChannelQuery';
import { FirstSteps } from './FirstSteps';

export function HomePage() {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  // The local account state, not credits.get: that asks the tracker on every visit of Home.
  const account = useChannelQuery('account.status', {}).data;
  return (
    <Stack maw={900}>
      <PageTitle>{t('home.title')}</PageTitle>
      <Text c="dimmed">{t('home.intro')}</Text>
      <FirstSteps />
      <Group align="stretch">
        <Card withBorder padding="lg" miw={220}>
          <Text size="sm" c="dimmed">
            {t('home.creditsLeft')}
          </Text>
          <Text size="xl" fw={700} data-testid="home-credits">
            {!info || !account
              ? '…'
              : account.linked
                ? info.credits.balance
                : t('home.firstSteps.notLinked')}
          </Text>
        </Card>
      </Group>
      <HomeStatsCards />
    </Stack>
  );
}
