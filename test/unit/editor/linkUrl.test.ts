import { describe, expect, it } from 'vitest';
import { isAllowedLinkWithVariables } from '../../../electron/contract/mailingDocument';
import { isAllowedLinkUrl, normalizeLinkUrl } from '../../../renderer/src/editor/text/linkUrl';

const SAMPLES = [
  'https://www.winkel.nl',
  'http://winkel.nl/a?b=c',
  'https://www.winkel.nl/[[referentienummer]]',
  'mailto:info@winkel.nl',
  'mailto:[[email]]',
  'https://localhost:8080/x',
  'https://winkel',
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'data:text/html,<b>x</b>',
  'ftp://winkel.nl',
  'https://',
  'mailto:',
  'www.winkel.nl',
  '',
];

describe("the editor's link check", () => {
  it('never allows what the contract refuses (the editor uses the same rule)', () => {
    for (const url of SAMPLES)
      if (!isAllowedLinkWithVariables(url)) expect(isAllowedLinkUrl(url), url).toBe(false);
  });

  it('allows what the contract allows, except a web host without a dot (a typing slip)', () => {
    for (const url of SAMPLES) {
      if (!isAllowedLinkWithVariables(url)) continue;
      expect(isAllowedLinkUrl(url), url).toBe(url !== 'https://winkel');
    }
  });

  it('completes what a shopkeeper types into an address the rule allows', () => {
    expect(normalizeLinkUrl('www.winkel.nl')).toBe('https://www.winkel.nl');
    expect(normalizeLinkUrl('info@winkel.nl')).toBe('mailto:info@winkel.nl');
    expect(isAllowedLinkUrl(normalizeLinkUrl('www.winkel.nl'))).toBe(true);
    expect(isAllowedLinkUrl(normalizeLinkUrl('javascript:alert(1)'))).toBe(false);
  });
});
