import { Alert, Loader, Center } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgreementsGate } from './hooks/useAgreementsGate';
import { useAppInfo } from './hooks/useAppInfo';
import { i18n, rememberLanguage } from './i18n';
import { Shell } from './layout/Shell';
import { matchPath, usePath } from './router';
import { findRoute } from './routes';
import { NotFoundPage } from './pages/notFound/NotFoundPage';

export function App() {
  const { t } = useTranslation();
  const path = usePath();
  const { info, error } = useAppInfo();
  useAgreementsGate(path);

  // The language saved in the settings wins over this browser's remembered one.
  const savedLanguage = info?.language;
  useEffect(() => {
    if (savedLanguage && savedLanguage !== i18n.language) {
      void i18n.changeLanguage(savedLanguage);
      rememberLanguage(savedLanguage);
    }
  }, [savedLanguage]);

  if (error && !info) {
    return (
      <Center h="100vh">
        <Alert color="red" title={t('errors.startTitle')}>
          {t('errors.start')}
        </Alert>
      </Center>
    );
  }
  if (!info) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  const found = findRoute(path, matchPath);
  const Page = found?.route.component ?? NotFoundPage;
  return (
    <Shell info={info} path={path}>
      <Page key={path.split('/')[1] ?? ''} params={found?.params ?? {}} />
    </Shell>
  );
}
