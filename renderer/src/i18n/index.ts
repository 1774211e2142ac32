import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { productVariables } from './productName';

export type Language = 'nl' | 'en';
export const LANGUAGES: Language[] = ['nl', 'en'];
const STORAGE_KEY = 'winkelpost.language';

// Every locales/<lang>/<namespace>.json is picked up: areas add their own namespace file.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', {
  eager: true,
});

function resources() {
  const result: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, module] of Object.entries(files)) {
    const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang, ns] = match as unknown as [string, string, string];
    (result[lang] ??= {})[ns] = module.default;
  }
  return result;
}

export function storedLanguage(): Language {
  const value = window.localStorage.getItem(STORAGE_KEY);
  return value === 'en' ? 'en' : 'nl';
}

export function rememberLanguage(language: Language): void {
  window.localStorage.setItem(STORAGE_KEY, language);
}

export const i18n = i18next;

export function initI18n(): typeof i18next {
  const res = resources();
  void i18next.use(initReactI18next).init({
    resources: res,
    lng: storedLanguage(),
    fallbackLng: 'nl',
    ns: Object.keys(res.nl ?? {}),
    defaultNS: 'common',
    // {{product}} is the product name of this build: Winkelpost until the brand has loaded.
    interpolation: { escapeValue: false, defaultVariables: productVariables() },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}
