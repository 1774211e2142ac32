import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../a11y/PageTitle';
import { AutomationSection } from './AutomationSection';
import { FollowUpsSection } from './FollowUpsSection';

/**
 * Mailings - automatisch: mailings that go out by themselves. One section per kind; the follow-up
 * for non-openers is a section of its own below these.
 */
export function AutomationsPage() {
  const { t } = useTranslation('automations');
  return (
    <Stack maw={1100} gap="xl">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      <AutomationSection kind="tillVoucher" />
      <AutomationSection kind="birthday" />
      <FollowUpsSection />
    </Stack>
  );
}
