import type { SegmentT } from '../../../electron/contract/segments';
import type { TestApp } from '../../helpers/testApp';

/** A till export with every kind of column, Dutch formats mixed, and empty cells. */
export const SHOP_EXPORT = [
  'email;naam;spaarpunten;bedrag;woonplaats;geboortedatum;laatste aankoop',
  'anna@example.nl;Anna;1.250;€ 12,50;Utrecht;17-05-1980;2026-10-01',
  'bram@example.nl;Bram;500;7,00;utrecht ;03/05/1975;15-06-2026',
  'cor@example.nl;Cor;499;1.234,50;Amersfoort;1990-11-01;',
  'dien@example.nl;Dien;;0,99;Zeist;;01-01-2025',
  'eva@example.nl;Eva;20;;Nieuwegein;25-05-2001;30/10/2026',
];

export async function importSelection(t: TestApp, lines: string[], description = 'Klanten') {
  return t.call('selections.import', {
    fileName: 'klanten.csv',
    dataBase64: Buffer.from(lines.join('\n'), 'utf8').toString('base64'),
    description,
    consent: true,
  });
}

/** A draft mailing with the selections attached. */
export async function mailingWith(t: TestApp, selectionIds: string[]): Promise<string> {
  const mailing = await t.call('mailings.create', { type: 'newsletter' });
  await t.call('mailings.setSelections', { id: mailing.id, selectionIds });
  return mailing.id;
}

/** Sets the segment and answers the recipients' addresses, sorted. */
export async function recipientsWith(t: TestApp, mailingId: string, segment: SegmentT | null) {
  const summary = await t.call('mailings.setSegment', { id: mailingId, segment });
  return summary.recipients.map((r) => r.email).sort();
}
