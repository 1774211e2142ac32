/** Only web and mail links may go into a mail; `javascript:` and friends are refused. */
export function isAllowedLink(url: string): boolean {
  const value = url.trim();
  if (/^mailto:[^\s<>"]+@[^\s<>"]+$/i.test(value)) return true;
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const parsed = new URL(value);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** The same rule for a link that may hold variables ([[…]]): each counts as plain text. */
export function isAllowedLinkWithVariables(url: string): boolean {
  return isAllowedLink(url.replace(/\[\[[^\]]*\]\]/g, 'x'));
}
