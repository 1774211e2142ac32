import { Card, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The two ways to start, next to the list (the manual's advice, short). */
export function HowToStart() {
  const { t } = useTranslation('mailings');
  return (
    <Card withBorder padding="lg" component="aside" aria-label={t('overview.howTitle')}>
      <Title order={3} size="h4" mb="xs">
        {t('overview.howTitle')}
      </Title>
      <List type="ordered" spacing="sm">
        <List.Item>
          <Text fw={600}>{t('overview.howCopyTitle')}</Text>
          <Text size="sm">{t('overview.howCopy')}</Text>
        </List.Item>
        <List.Item>
          <Text fw={600}>{t('overview.howBlankTitle')}</Text>
          <Text size="sm">{t('overview.howBlank')}</Text>
        </List.Item>
      </List>
    </Card>
  );
}
