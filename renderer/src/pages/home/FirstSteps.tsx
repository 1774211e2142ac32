import { Anchor, Card, Group, List, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { accountSectionLink } from '../../../../electron/contract/plain/accountSections';
import { useChannelQuery } from '../../data/useChannelQuery';

interface Step {
  key: 'account' | 'sender' | 'shop' | 'smtp' | 'customers';
  done: boolean;
  href: string;
}

/**
 * "Zo begint u": what a new shop sets up before its first mailing, each with its state and a link
 * to the very card where it is done. Gone once everything is in place.
 */
export function FirstSteps() {
  const { t } = useTranslation();
  // The local account state, not credits.get: that asks the tracker on every visit of Home.
  const account = useChannelQuery('account.status', {}).data;
  const settings = useChannelQuery('settings.get', {}).data;
  const selections = useChannelQuery('selections.list', {}).data;
  if (!account || !settings || !selections) return null;
  const { shop } = settings;
  const steps: Step[] = [
    { key: 'account', done: account.linked, href: accountSectionLink('link') },
    {
      key: 'sender',
      done: settings.senders.some((s) => s.verified),
      href: accountSectionLink(settings.senders.length > 0 ? 'verification' : 'senders'),
    },
    {
      key: 'shop',
      done: [shop.name, shop.address, shop.postalCode, shop.city].every((v) => v.trim() !== ''),
      href: accountSectionLink('shop'),
    },
    { key: 'smtp', done: settings.smtp.host.trim() !== '', href: accountSectionLink('smtp') },
    { key: 'customers', done: selections.length > 0, href: '#/selecties' },
  ];
  if (steps.every((step) => step.done)) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="first-steps-title">
      <Title order={2} size="h4" id="first-steps-title" mb={4}>
        {t('home.firstSteps.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('home.firstSteps.intro')}
      </Text>
      <List spacing="sm" data-testid="first-steps">
        {steps.map((step) => (
          <List.Item
            key={step.key}
            data-step={step.key}
            data-done={step.done}
            icon={
              <ThemeIcon color={step.done ? 'green' : 'gray'} variant="light" radius="xl" size={24}>
                {step.done ? <IconCheck size={16} /> : <IconCircleDashed size={16} />}
              </ThemeIcon>
            }
          >
            <Group gap="xs">
              <Text size="sm">{t(`home.firstSteps.${step.key}`)}</Text>
              {step.done ? (
                <Text size="sm" c="green.8">
                  {t('home.firstSteps.done')}
                </Text>
              ) : (
                <Anchor
                  size="sm"
                  href={step.href}
                  aria-label={`${t('home.firstSteps.go')}: ${t(`home.firstSteps.${step.key}`)}`}
                >
                  {t('home.firstSteps.go')}
                </Anchor>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
