/** "05-03-2026 14:07:12": how the shopkeeper's till and MiNTMAIL show moments. */
export function formatDateTime(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
    .format(ms)
    .replace(',', '');
}

export function formatDate(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(ms);
}
