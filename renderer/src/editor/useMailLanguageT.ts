import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../data/useChannelQuery';

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

/**
 * The language of the mails (prices in a product block are written in it). Read from the cache
 * that `settings.changed` and Account's saves keep fresh; it only picks new blocks' default texts
 * and how prices are shown, so a refetch never touches a text already in the mailing.
 */
export function useMailLanguage(): string {
  const { i18n } = useTranslation('editor');
  const mailLanguage = useChannelQuery('settings.get', {}).data?.mailLanguage;
  return mailLanguage ?? i18n.language;
}
