import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** For areas this version does not have yet: says so plainly instead of showing fake data. */
export function UnavailablePage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <Title order={2}>{t('unavailable.title')}</Title>
      <Alert color="gray">{t('unavailable.body')}</Alert>
    </Stack>
  );
}
