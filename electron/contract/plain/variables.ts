/** The variables every mailing knows (DESIGN.md); a selection may add extra columns. */
export const STANDARD_VARIABLES = [
  'naam',
  'voornaam',
  'referentienummer',
  'email',
  'waardebon_barcode',
  'waardebon_bedrag',
  'waardebon_spaarpunten',
  'restant_spaarpunten',
] as const;

/** The sample customer of previews and test mails (and of subjects shown in the app). */
export const SAMPLE_DATA: Record<string, string> = {
  naam: 'Jan Jansen',
  voornaam: 'Jan',
  referentienummer: '1234567890',
  email: 'jan.jansen@example.nl',
  waardebon_barcode: '8712345678906',
  waardebon_bedrag: '10.50',
  waardebon_spaarpunten: '100',
  restant_spaarpunten: '500',
};

/**
 * A line such as a subject with the sample customer filled in: "Hallo [[voornaam|klant]]" becomes
 * "Hallo Jan". An unknown variable keeps its fallback, or else stays as written.
 */
export function fillSampleCustomer(text: string): string {
  return text.replace(
    /\[\[\s*([^\]|]+?)\s*(?:\|([^\]]*))?\]\]/g,
    (whole, name: string, fallback?: string) => {
      const value = SAMPLE_DATA[name.toLowerCase()];
      if (value !== undefined && value !== '') return value;
      return fallback ?? whole;
    },
  );
}
