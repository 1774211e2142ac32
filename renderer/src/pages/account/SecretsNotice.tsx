import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../hooks/useAppInfo';

/**
 * Says plainly when no OS key store guards the stored passwords (browser mode, or Linux without a
 * keyring): then only the data folder's permissions protect them.
 */
export function SecretsNotice() {
  const { t } = useTranslation('settings');
  const { info } = useAppInfo();
  if (info?.secretsProtection !== 'fileSystem') return null;
  return (
    <Alert color="yellow" title={t('secretsFileSystem.title')} data-testid="secrets-notice">
      {t('secretsFileSystem.body')}
    </Alert>
  );
}
