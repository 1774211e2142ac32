import { Alert, Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { href } from '../../router';
import { PageTitle } from '../../a11y/PageTitle';

/** An address inside the app that leads nowhere (an old bookmark, a typo). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Alert color="gray">
        {t('notFound.body')} <Anchor href={href('/')}>{t('notFound.home')}</Anchor>
      </Alert>
    </Stack>
  );
}
