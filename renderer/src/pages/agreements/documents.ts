import conductEn from '../../../../resources/agreements/en/gedragscode.md?raw';
import processingEn from '../../../../resources/agreements/en/verwerkersovereenkomst.md?raw';
import termsEn from '../../../../resources/agreements/en/voorwaarden.md?raw';
import conductNl from '../../../../resources/agreements/nl/gedragscode.md?raw';
import processingNl from '../../../../resources/agreements/nl/verwerkersovereenkomst.md?raw';
import termsNl from '../../../../resources/agreements/nl/voorwaarden.md?raw';

/** The three documents a shop accepts together (resources/agreements/<lang>/). */
export const AGREEMENT_DOCUMENTS = ['terms', 'processing', 'conduct'] as const;
export type AgreementDocument = (typeof AGREEMENT_DOCUMENTS)[number];

const TEXTS: Record<'nl' | 'en', Record<AgreementDocument, string>> = {
  nl: { terms: termsNl, processing: processingNl, conduct: conductNl },
  en: { terms: termsEn, processing: processingEn, conduct: conductEn },
};

/** The text in the shop's language, with {{product}} replaced by the product name of this build. */
export function agreementText(
  language: string,
  doc: AgreementDocument,
  productName: string,
): string {
  return TEXTS[language === 'en' ? 'en' : 'nl'][doc].replaceAll('{{product}}', productName);
}
