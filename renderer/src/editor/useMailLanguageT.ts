import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';

/**
 * The editor's words in the language of the mails (Overig - account, "Taal van de vaste teksten
 * in uw mails"), not the app's: a new block's default texts (a heading, the footer's reason and
 * "Afmelden") go to the customers, like the words the app adds to the mail itself. Until the
 * setting has loaded, or when it cannot be read, the app's language is used.
 */
export function useMailLanguageT(): TFunction {
  const { i18n } = useTranslation('editor');
  const language = useMailLanguage();
  return useMemo(() => i18n.getFixedT(language, 'editor'), [i18n, language]);
}

/** The language of the mails (prices in a product block are written in it). */
export function useMailLanguage(): string {
  const { i18n } = useTranslation('editor');
  const [mailLanguage, setMailLanguage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api.call('settings.get', {}).then(
      (settings) => current && setMailLanguage(settings.mailLanguage),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return mailLanguage ?? i18n.language;
}
