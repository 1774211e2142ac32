import en from '../../../renderer/src/i18n/locales/en/selections.json' with { type: 'json' };
import nl from '../../../renderer/src/i18n/locales/nl/selections.json' with { type: 'json' };

type Messages = { errors: Record<string, string> };

/**
 * The reason written beside a failed file in `mislukt`, in the user's language: the same texts the
 * app shows (one source), with {{param}} filled in.
 */
export function failureText(
  key: string,
  params: Record<string, string | number>,
  language: 'nl' | 'en',
): string {
  const messages = (language === 'en' ? en : nl) as Messages;
  const name = key.replace(/^selections:errors\./, '');
  const template = messages.errors[name] ?? messages.errors.readFailed ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, p: string) => String(params[p] ?? ''));
}
