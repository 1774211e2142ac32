/** The multipart spelling of the pair: a part named List-Unsubscribe whose value is One-Click. */
const MULTIPART_PAIR =
  /content-disposition:\s*form-data;\s*name="?list-unsubscribe"?[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\none-click\r?\n/i;

/**
 * Whether a POST to the unsubscribe URL carries RFC 8058's `List-Unsubscribe=One-Click` (the page's
 * own button sends it too), urlencoded or multipart. An empty or other body (a link scanner, a
 * stray form) unsubscribes nobody. Names and values are matched without regard to case, so a
 * sloppy mailbox provider still unsubscribes its user.
 */
export function isOneClickBody(contentType: string | undefined, body: unknown): boolean {
  if (typeof body !== 'string' || body === '') return false;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') return MULTIPART_PAIR.test(body);
  if (type !== 'application/x-www-form-urlencoded' && type !== 'text/plain' && type !== '')
    return false;
  for (const [name, value] of new URLSearchParams(body.trim())) {
    if (name.toLowerCase() === 'list-unsubscribe' && value.toLowerCase() === 'one-click')
      return true;
  }
  return false;
}
