import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRODUCT_NAME,
  productName,
  productVariables,
  setProductName,
  withProductName,
} from '../../../renderer/src/i18n/productName';

async function translator() {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'nl',
    resources: {
      nl: { common: { welcome: 'Welkom bij {{product}}', intro: '{{product}} van {{shop}}' } },
    },
    defaultNS: 'common',
    interpolation: { escapeValue: false, defaultVariables: productVariables() },
  });
  return i18n;
}

describe('{{product}} in texts', () => {
  it('says Winkelpost until the brand is known', async () => {
    const i18n = await translator();
    expect(i18n.t('welcome')).toBe('Welkom bij Winkelpost');
    expect(productName(i18n)).toBe(DEFAULT_PRODUCT_NAME);
  });

  it("says the brand's product name once it is set, next to a text's own variables", async () => {
    const i18n = await translator();
    setProductName(i18n, 'Kassapost');
    expect(i18n.t('welcome')).toBe('Welkom bij Kassapost');
    expect(i18n.t('intro', { shop: 'Bakkerij Jansen' })).toBe('Kassapost van Bakkerij Jansen');
    expect(i18n.getFixedT('nl')('welcome')).toBe('Welkom bij Kassapost');
    expect(productName(i18n)).toBe('Kassapost');
  });

  it('fills texts outside i18next (manual, agreements) the same way', () => {
    expect(withProductName('Zo werkt {{product}}; {{product}} bewaart alles.', 'Kassapost')).toBe(
      'Zo werkt Kassapost; Kassapost bewaart alles.',
    );
  });
});
