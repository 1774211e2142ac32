import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml, markup, PAGE_CSP, SafeHtml } from '../../../tracker/pages/html';
import { pickLanguage } from '../../../tracker/pages/language';
import {
  confirmedPage,
  messagePage,
  unsubscribedPage,
  unsubscribePage,
} from '../../../tracker/pages/pages';

describe('page markup', () => {
  it('escapes every interpolation unless it is SafeHtml', () => {
    const evil = `"><script>alert('x')</script>&`;
    expect(markup`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>',
    );
    expect(markup`<p>${new SafeHtml('<b>ok</b>')}</p>`.value).toBe('<p><b>ok</b></p>');
    expect(markup`${['<a>', new SafeHtml('<b>')]}`.value).toBe('&lt;a&gt;<b>');
    expect(escapeHtml('a & b')).toBe('a &amp; b');
  });

  it('allows exactly the inline style it renders through the CSP hash, and no script', () => {
    for (const page of [
      unsubscribePage('nl', 'Shop'),
      unsubscribedPage('en', 'Shop'),
      confirmedPage('nl', 'Shop'),
      messagePage('en', 'notFound'),
      messagePage('nl', 'error'),
    ]) {
      const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
      const hash = createHash('sha256').update(style).digest('base64');
      expect(PAGE_CSP).toContain(`'sha256-${hash}'`);
      expect(page).not.toMatch(/<script|\son\w+=|javascript:/i);
    }
    expect(PAGE_CSP).not.toContain('unsafe-inline');
    expect(PAGE_CSP).not.toContain('script-src');
  });

  it('shows a hostile shop name as text', () => {
    const page = unsubscribePage('nl', '<img src=x onerror=alert(1)>');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<img');
  });
});

describe('pickLanguage', () => {
  it('picks Dutch or English by weight, Dutch when unsure', () => {
    expect(pickLanguage(undefined)).toBe('nl');
    expect(pickLanguage('')).toBe('nl');
    expect(pickLanguage('en-US,en;q=0.9')).toBe('en');
    expect(pickLanguage('nl-BE,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(pickLanguage('de-DE,de;q=0.9,en;q=0.7,nl;q=0.8')).toBe('nl');
    expect(pickLanguage('fr-FR,de;q=0.5')).toBe('nl');
    expect(pickLanguage('en;q=0, nl;q=0.1')).toBe('nl');
    expect(pickLanguage('english')).toBe('nl');
  });
});
