import { markup, renderPage } from './html';
import type { PageLanguage } from './language';
import { PAGE_TEXTS, type PageText } from './texts';

/** The recipient-facing pages. The shop's name is inserted as escaped text, never as markup. */
function withShop(lang: PageLanguage, key: PageText, shopName: string) {
  const [before = '', after = ''] = PAGE_TEXTS[lang][key].split('{shop}');
  return markup`${before}<strong>${shopName}</strong>${after}`;
}

export function unsubscribePage(lang: PageLanguage, shopName: string): string {
  const t = PAGE_TEXTS[lang];
  // The form posts to this same URL with the RFC 8058 body, so page and one-click share one path.
  return renderPage(
    lang,
    `${t.unsubscribeTitle} – ${shopName}`,
    markup`<h1>${t.unsubscribeTitle}</h1>
<p>${withShop(lang, 'unsubscribeQuestion', shopName)}</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${t.unsubscribeButton}</button></form>
<p class="muted">${t.unsubscribeNote}</p>`,
  );
}

export function unsubscribedPage(lang: PageLanguage, shopName: string): string {
  const t = PAGE_TEXTS[lang];
  return renderPage(
    lang,
    `${t.unsubscribedTitle} – ${shopName}`,
    markup`<h1>${t.unsubscribedTitle}</h1><p>${withShop(lang, 'unsubscribedText', shopName)}</p>`,
  );
}

/** The re-subscription question: only the button's POST changes anything (GET and HEAD never). */
export function confirmPage(lang: PageLanguage, shopName: string): string {
  const t = PAGE_TEXTS[lang];
  return renderPage(
    lang,
    `${t.confirmTitle} – ${shopName}`,
    markup`<h1>${t.confirmTitle}</h1>
<p>${withShop(lang, 'confirmQuestion', shopName)}</p>
<form method="post"><button type="submit">${t.confirmButton}</button></form>
<p class="muted">${t.confirmNote}</p>`,
  );
}

/** After the POST: confirmed just now, or already before (a second click says so). */
export function confirmedPage(lang: PageLanguage, shopName: string, already = false): string {
  const t = PAGE_TEXTS[lang];
  const title = already ? t.alreadyConfirmedTitle : t.confirmedTitle;
  const text = already ? 'alreadyConfirmedText' : 'confirmedText';
  return renderPage(
    lang,
    `${title} – ${shopName}`,
    markup`<h1>${title}</h1><p>${withShop(lang, text, shopName)}</p>`,
  );
}

const MESSAGES = {
  notFound: ['notFoundTitle', 'notFoundText'],
  error: ['errorTitle', 'errorText'],
  tooMany: ['tooManyTitle', 'tooManyText'],
} as const satisfies Record<string, readonly [PageText, PageText]>;

export function messagePage(lang: PageLanguage, kind: keyof typeof MESSAGES): string {
  const t = PAGE_TEXTS[lang];
  const [title, text] = MESSAGES[kind];
  return renderPage(lang, t[title], markup`<h1>${t[title]}</h1><p>${t[text]}</p>`);
}
