import type { i18n as I18n } from 'i18next';

/** The product name until the brand of this build is known (and when it cannot be asked). */
export const DEFAULT_PRODUCT_NAME = 'Winkelpost';

/**
 * Every text may say {{product}}: i18next fills it in from interpolation.defaultVariables, so a
 * reseller's build (e.g. Kassapost) never shows another product's name.
 */
export function productVariables(name: string = DEFAULT_PRODUCT_NAME): { product: string } {
  return { product: name };
}

/** Makes `name` the {{product}} of every text translated from now on. */
export function setProductName(i18n: I18n, name: string): void {
  const interpolation = (i18n.options.interpolation ??= {});
  interpolation.defaultVariables = { ...interpolation.defaultVariables, ...productVariables(name) };
}

/** The product name texts use now. */
export function productName(i18n: I18n): string {
  const value: unknown = i18n.options.interpolation?.defaultVariables?.product;
  return typeof value === 'string' && value !== '' ? value : DEFAULT_PRODUCT_NAME;
}

/** Fills {{product}} into a text that does not go through i18next (the manual, the agreements). */
export function withProductName(text: string, name: string): string {
  return text.replaceAll('{{product}}', name);
}
