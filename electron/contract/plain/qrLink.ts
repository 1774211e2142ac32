/**
 * What is wrong with a QR code's link, or null. Its code is drawn once per mailing, so the link
 * must be one plain http(s) address: no variables, no mailto.
 */
export type QrLinkProblem = 'empty' | 'variable' | 'invalid';

export function qrLinkProblem(url: string): QrLinkProblem | null {
  const value = url.trim();
  if (value === '') return 'empty';
  if (value.includes('[[')) return 'variable';
  if (!/^https?:\/\//i.test(value)) return 'invalid';
  try {
    const parsed = new URL(value);
    return parsed.hostname.includes('.') || parsed.hostname === 'localhost' ? null : 'invalid';
  } catch {
    return 'invalid';
  }
}
