import { describe, expect, it } from 'vitest';
import { isAcceptedImage } from '../../../tracker/assets';
import { safeRedirectUrl } from '../../../tracker/links';

describe('safeRedirectUrl', () => {
  it('accepts absolute http(s) URLs', () => {
    expect(safeRedirectUrl('https://jouwmodezaak.nl/sale?a=1#top')).toBe(
      'https://jouwmodezaak.nl/sale?a=1#top',
    );
    expect(safeRedirectUrl('http://winkel.example/')).toBe('http://winkel.example/');
  });

  it('refuses scripts, other schemes, credentials, relative and broken URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:x',
      'file:///etc/passwd',
      'mailto:a@b.nl',
      '//evil.example/',
      '/relative',
      'https://user:pass@bank.example/',
      'https://',
      `https://x.nl/${'a'.repeat(2100)}`,
      'https://user@bank.example/',
      'ftp://jouwmodezaak.nl/',
    ]) {
      expect({ url, safe: safeRedirectUrl(url) }).toEqual({ url, safe: null });
    }
  });

  it('refuses IP literals in every spelling, loopback and local names', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://0177.0.0.1/',
      'http://10.0.0.5:8080/admin',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://localhost/',
      'http://LOCALHOST./',
      'http://tracker.localhost/',
      'http://printer.local/',
      'http://db.internal/',
      'http://router.home.arpa/',
      'http://intranet/',
    ]) {
      expect({ url, safe: safeRedirectUrl(url) }).toEqual({ url, safe: null });
    }
  });
});

describe('isAcceptedImage', () => {
  it('checks the bytes, not only the declared type', () => {
    expect(isAcceptedImage('image/gif', Buffer.from('GIF89a....'))).toBe(true);
    expect(isAcceptedImage('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(isAcceptedImage('image/png', Buffer.from('GIF89a....'))).toBe(false);
    expect(isAcceptedImage('text/html', Buffer.from('<html>'))).toBe(false);
    expect(isAcceptedImage('image/svg+xml', Buffer.from('<svg/>'))).toBe(false);
  });
});
