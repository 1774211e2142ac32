import { createHash } from 'node:crypto';

/**
 * HTML for the recipient-facing pages. Every interpolation in markup`` is escaped unless it is
 * already SafeHtml, so nothing from a token, the store or a header reaches the page unescaped.
 * No script at all; the only style is one inline block allowed by its hash in the CSP.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe for element text and for quoted attribute values alike; the desktop's mails and pages use it too. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function markup(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      out += part instanceof SafeHtml ? part.value : escapeHtml(String(part ?? ''));
    }
    out += strings[i + 1] ?? '';
  });
  return new SafeHtml(out);
}

const STYLE = [
  'body{margin:0;background:#f4f4f4;color:#222;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}',
  'main{max-width:32rem;margin:10vh auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.1)}',
  'h1{font-size:1.4rem;margin:0 0 1rem}',
  'button{font:inherit;padding:.7rem 1.4rem;border:0;border-radius:6px;background:#222;color:#fff;cursor:pointer}',
  'button:focus{outline:3px solid #8ab4f8}',
  '.muted{color:#666;font-size:.9rem}',
].join('');

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every page: strict CSP, never cached, never framed, no referrer, no cookies. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_CSP,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

export function renderPage(lang: string, title: string, body: SafeHtml): string {
  // Named `markup`, not `html`, so formatters leave the template (and the hashed style) alone.
  return markup`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body><main>${body}</main></body>
</html>
`.value;
}
