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
}

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
  },
};

export function mailTexts(language: MailLanguage | undefined): MailTexts {
  return MAIL_TEXTS[language ?? 'nl'];
}
