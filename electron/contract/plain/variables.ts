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
