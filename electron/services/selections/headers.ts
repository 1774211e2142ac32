import { createHash } from 'node:crypto';
import { KNOWN_VARIABLES, type ColumnTargetT } from '../../contract/selections';
import { compactHeader, EMAIL_HEADERS } from './emailHeaders';

/** Dutch and English headers shop systems write for each variable (compacted). */
const SYNONYMS: Record<Exclude<ColumnTargetT, 'extra' | 'ignore'>, string[]> = {
  email: EMAIL_HEADERS,
  naam: ['naam', 'name', 'volledigenaam', 'fullname', 'klantnaam', 'customername', 'naamklant'],
  voornaam: ['voornaam', 'firstname', 'roepnaam', 'givenname', 'voorname'],
  referentienummer: [
    'referentienummer',
    'referentie',
    'referentienr',
    'klantnummer',
    'klantnr',
    'klantcode',
    'klantid',
    'debiteurnummer',
    'debiteurnr',
    'pasnummer',
    'klantenpasnummer',
    'relatienummer',
    'relatienr',
    'customernumber',
    'customerid',
    'reference',
    'referencenumber',
  ],
  waardebon_barcode: [
    'waardebonbarcode',
    'barcodewaardebon',
    'barcode',
    'voucherbarcode',
    'bonbarcode',
    'waardeboncode',
    'boncode',
    'vouchercode',
    'ean',
  ],
  waardebon_bedrag: [
    'waardebonbedrag',
    'bedragwaardebon',
    'waardebonwaarde',
    'waardewaardebon',
    'bonbedrag',
    'bedrag',
    'voucheramount',
    'voucherbedrag',
    'amount',
  ],
  waardebon_spaarpunten: [
    'waardebonspaarpunten',
    'spaarpuntenwaardebon',
    'puntenwaardebon',
    'waardebonpunten',
    'spaarpunten',
    'punten',
    'voucherpoints',
    'points',
  ],
  restant_spaarpunten: [
    'restantspaarpunten',
    'restantpunten',
    'puntenrestant',
    'saldopunten',
    'puntensaldo',
    'spaarpuntensaldo',
    'saldospaarpunten',
    'resterendespaarpunten',
    'resterendepunten',
    'remainingpoints',
    'pointsremaining',
    'pointsbalance',
  ],
};

const RECOGNISED = new Map<string, ColumnTargetT>();
for (const [target, names] of Object.entries(SYNONYMS)) {
  for (const name of names) RECOGNISED.set(name, target as ColumnTargetT);
}

export function recogniseHeader(header: string): ColumnTargetT | undefined {
  return RECOGNISED.get(compactHeader(header));
}

/**
 * Special categories of personal data (AVG art. 9 and 10, and the BSN): a column whose name
 * suggests them is flagged before import. Word starts, so "bracelet" is not "race".
 */
const SPECIAL_STEMS = [
  'gezondheid',
  'medisch',
  'medic',
  'health',
  'ziekte',
  'diagnose',
  'diagnosis',
  'allergie',
  'allergy',
  'zwanger',
  'pregnan',
  'handicap',
  'beperking',
  'disabilit',
  'religie',
  'religio',
  'geloof',
  'faith',
  'kerk',
  'church',
  'politiek',
  'politic',
  'partij',
  'vakbond',
  'tradeunion',
  'etnisch',
  'etniciteit',
  'ethnic',
  'afkomst',
  'seksu',
  'sexual',
  'geaardheid',
  'strafrecht',
  'strafblad',
  'criminal',
  'veroordel',
  'conviction',
  'burgerservicenummer',
  'sofinummer',
  'biometri',
  'genetisch',
  'genetic',
  'vingerafdruk',
  'fingerprint',
];
const SPECIAL_WORDS = new Set(['bsn', 'ras', 'race', 'dna', 'hiv', 'union']);

export function isSpecialCategory(header: string): boolean {
  const words = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined = words.join('');
  if (words.some((w) => SPECIAL_WORDS.has(w))) return true;
  return SPECIAL_STEMS.some(
    (stem) => words.some((w) => w.startsWith(stem)) || joined.startsWith(stem),
  );
}

/**
 * [[name]] of an extra column: "Geboorte Datum" → "geboorte_datum"; unique within the file and
 * never one of the standard variables (a second "naam" column becomes naam_2).
 */
export function variableNames(headers: string[]): string[] {
  const used = new Set<string>(KNOWN_VARIABLES);
  return headers.map((header, index) => {
    const base =
      header
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '') || `kolom_${index + 1}`;
    const start = /^[a-z]/.test(base) ? base : `kolom_${base}`;
    let name = start.slice(0, 60);
    for (let n = 2; used.has(name); n += 1) name = `${start.slice(0, 56)}_${n}`;
    used.add(name);
    return name;
  });
}

/** Files of the same shape (same columns in the same order) share a remembered mapping. */
export function headerSignature(headers: string[]): string {
  return createHash('sha256').update(headers.map(compactHeader).join('\u0001')).digest('hex');
}
