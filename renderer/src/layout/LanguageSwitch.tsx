import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { rememberLanguage, type Language } from '../i18n';

/** Switches every string at once; remembered locally (instant on next start) and in the settings. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const change = (value: string) => {
    const language = value as Language;
    void i18n.changeLanguage(language);
    rememberLanguage(language);
    void api.call('settings.update', { language }).catch(() => undefined);
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'nl'}
      onChange={change}
      data={[
        { value: 'nl', label: 'NL' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
