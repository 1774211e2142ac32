import type { z } from 'zod';
import type { Language } from '../../contract/common';

export type MailLanguage = z.infer<typeof Language>;

/**
 * The few fixed words the app itself writes into a mail (everything else is the shop's own text).
 * They follow the account's mail language, not the app's: a shop may work in English and still
 * mail Dutch customers.
 */
export interface MailTexts {
  /** The lang attribute of the HTML. */
  lang: string;
  onlineVersion: string;
  /** Subject of the mailto unsubscribe (no tracker, or the web version). */
  unsubscribeSubject: string;
  barcodeAlt: (code: string) => string;
  voucherAmount: string;
  voucherCode: string;
  /** `points` is already a slot or escaped HTML: the texts add no markup of their own. */
  voucherPoints: (points: string) => string;
  remainingPoints: (points: string) => string;
  /** The footer added to a mailing without one. */
  footerReason: string;
  unsubscribeLabel: string;
  /** A product's price as the mail's readers write it: "€ 10,50" or "€10.50". */
  price: (euros: number) => string;
  /** Said before a struck-through old price, for screen readers and the text part. */
  oldPrice: string;
}

const euros = (locale: string) => {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  return (amount: number) => format.format(amount);
};

export const MAIL_TEXTS: Record<MailLanguage, MailTexts> = {
  nl: {
    lang: 'nl',
    onlineVersion: 'Online versie',
    unsubscribeSubject: 'Afmelden',
    barcodeAlt: (code) => `Barcode ${code}`,
    voucherAmount: 'Bedrag',
    voucherCode: 'Code',
    voucherPoints: (points) => `Op basis van ${points} spaarpunten`,
    remainingPoints: (points) => `Je hebt nog ${points} spaarpunten over.`,
    footerReason:
      'Je ontvangt deze e-mail omdat je klant bent bij onze winkel en toestemming hebt gegeven om post van ons te ontvangen.',
    unsubscribeLabel: 'Afmelden',
    price: euros('nl-NL'),
    oldPrice: 'Van',
  },
  en: {
    lang: 'en',
    onlineVersion: 'View online',
    unsubscribeSubject: 'Unsubscribe',
    barcodeAlt: (code) => `Barcode ${code}`,
    voucherAmount: 'Amount',
    voucherCode: 'Code',
    voucherPoints: (points) => `Based on ${points} loyalty points`,
    remainingPoints: (points) => `You have ${points} loyalty points left.`,
    footerReason:
      'You receive this e-mail because you are a customer of our shop and agreed to receive mail from us.',
    unsubscribeLabel: 'Unsubscribe',
    price: euros('en-GB'),
    oldPrice: 'Was',
  },
};

export function mailTexts(language: MailLanguage | undefined): MailTexts {
  return MAIL_TEXTS[language ?? 'nl'];
}
