import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { href } from '../../router';

/** An address inside the app that leads nowhere (an old bookmark, a typo). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <Title order={2}>{t('notFound.title')}</Title>
      <Alert color="gray">
        {t('notFound.body')} <Anchor href={href('/')}>{t('notFound.home')}</Anchor>
      </Alert>
    </Stack>
  );
}
