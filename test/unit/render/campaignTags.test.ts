import { describe, expect, it } from 'vitest';
import {
  ownDomainsOf,
  slugify,
  tagLink,
  type CampaignTags,
} from '../../../electron/services/render/campaignTags';
import { campaignSlug, campaignTagsFor } from '../../../electron/services/mailings/campaignTagsFor';

const tags: CampaignTags = {
  source: 'winkelpost',
  campaign: 'kerst-2026-12-01',
  ownDomains: ownDomainsOf('https://bakkerij.nl', ['webwinkel-bakkerij.com']),
};
const UTM =
  'utm_source=winkelpost&utm_medium=email&utm_campaign=kerst-2026-12-01&utm_content=button-3';

describe('campaign tags on a link', () => {
  it('tag the website, its www twin, its subdomains and the extra domains', () => {
    expect(tagLink('https://bakkerij.nl/stol', tags, 'button-3')).toBe(
      `https://bakkerij.nl/stol?${UTM}`,
    );
    expect(tagLink('https://www.bakkerij.nl/stol', tags, 'button-3')).toBe(
      `https://www.bakkerij.nl/stol?${UTM}`,
    );
    expect(tagLink('https://winkel.bakkerij.nl/', tags, 'button-3')).toBe(
      `https://winkel.bakkerij.nl/?${UTM}`,
    );
    expect(tagLink('http://WEBWINKEL-bakkerij.com', tags, 'button-3')).toBe(
      `http://WEBWINKEL-bakkerij.com/?${UTM}`,
    );
  });

  it('leave other sites exactly as written, look-alike hosts included', () => {
    for (const url of [
      'https://facebook.com/bakkerij.nl',
      'https://bakkerij.nl.example.com/stol',
      'https://notbakkerij.nl/stol',
      'https://example.org/?u=https://bakkerij.nl',
      'mailto:info@bakkerij.nl',
    ]) {
      expect(tagLink(url, tags, 'text-2')).toBe(url);
    }
  });

  it('keep the query byte for byte and the fragment at the end', () => {
    expect(tagLink('https://bakkerij.nl/zoek?q=stol%20met+spijs&x#prijzen', tags, 'button-3')).toBe(
      `https://bakkerij.nl/zoek?q=stol%20met+spijs&x&${UTM}#prijzen`,
    );
    expect(tagLink('https://bakkerij.nl/?#top', tags, 'button-3')).toBe(
      `https://bakkerij.nl/?${UTM}#top`,
    );
  });

  it('never overwrite a utm parameter the shop wrote', () => {
    expect(
      tagLink('https://bakkerij.nl/?utm_source=flyer&utm_campaign=eigen', tags, 'image-1'),
    ).toBe(
      'https://bakkerij.nl/?utm_source=flyer&utm_campaign=eigen&utm_medium=email&utm_content=image-1',
    );
    const full = 'https://bakkerij.nl/?utm_source=a&utm_medium=b&utm_campaign=c&utm_content=d';
    expect(tagLink(full, tags, 'image-1')).toBe(full);
  });
});

describe('the shop own domains', () => {
  it('are the website host with its www twin, then the extra domains', () => {
    expect(ownDomainsOf('https://www.Bakkerij.nl/winkel', [])).toEqual([
      'www.bakkerij.nl',
      'bakkerij.nl',
    ]);
    expect(ownDomainsOf('', ['shop.example.com'])).toEqual(['shop.example.com']);
    expect(ownDomainsOf('', [])).toEqual([]);
  });
});

describe('the campaign slug', () => {
  it('folds Dutch accents, drops variables and adds the day the mailing was made', () => {
    expect(slugify('Crème brûlée & één ĳsje!')).toBe('creme-brulee-en-een-ijsje');
    expect(
      campaignSlug({
        subject: '[[voornaam|Hallo]], Café Noël: 20% korting',
        createdAt: Date.UTC(2026, 11, 6, 15),
      }),
    ).toBe('cafe-noel-20-korting-2026-12-06');
    expect(campaignSlug({ subject: '', createdAt: Date.UTC(2026, 11, 6) })).toBe('2026-12-06');
  });

  it('is only made for a mailing with tags on and a shop with an own domain', () => {
    const mailing = { subject: 'Kerst', createdAt: Date.UTC(2026, 11, 1), campaignTags: true };
    const settings = {
      shop: { website: 'https://bakkerij.nl' } as never,
      campaignTags: { onByDefault: true, extraDomains: [] },
    };
    expect(campaignTagsFor(mailing, settings, 'Kassapost')).toEqual({
      source: 'kassapost',
      campaign: 'kerst-2026-12-01',
      ownDomains: ['bakkerij.nl', 'www.bakkerij.nl'],
    });
    expect(campaignTagsFor({ ...mailing, campaignTags: false }, settings, 'Kassapost')).toBeNull();
    expect(
      campaignTagsFor(mailing, { ...settings, shop: { website: '' } as never }, 'Kassapost'),
    ).toBeNull();
  });
});
