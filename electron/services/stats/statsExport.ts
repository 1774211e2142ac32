import type { z } from 'zod';
import type { ExportInput } from '../../contract/stats';
import { csvTime, toCsv } from './csv';
import type { StatsDetails } from './statsDetails';
import type { StatsQueries } from './statsQueries';

type ExportInputT = z.output<typeof ExportInput>;

const HEADERS = {
  nl: {
    email: 'E-mailadres',
    name: 'Naam',
    firstOpened: 'Eerst geopend',
    times: 'Aantal keer',
    machine: 'Alleen machine',
    yes: 'ja',
    no: 'nee',
    kind: 'Soort',
    reason: 'Reden',
    date: 'Datum',
    link: 'Link',
    unique: 'Unieke klikken',
    total: 'Totaal klikken',
    machineClicks: 'Machineklikken',
    firstClick: 'Eerste klik',
    unsubscribedAt: 'Uitgeschreven op',
    figure: 'Onderdeel',
    count: 'Aantal',
    recipients: 'Ontvangers',
    sent: 'Verstuurd',
    delivered: 'Afgeleverd',
    hard: 'Harde bounces',
    soft: 'Zachte bounces',
    failed: 'Mislukt',
    pending: 'Nog bezig',
    skipped: 'Overgeslagen',
  },
  en: {
    email: 'E-mail address',
    name: 'Name',
    firstOpened: 'First opened',
    times: 'Times',
    machine: 'Machine only',
    yes: 'yes',
    no: 'no',
    kind: 'Kind',
    reason: 'Reason',
    date: 'Date',
    link: 'Link',
    unique: 'Unique clicks',
    total: 'Total clicks',
    machineClicks: 'Machine clicks',
    firstClick: 'First click',
    unsubscribedAt: 'Unsubscribed at',
    figure: 'Figure',
    count: 'Count',
    recipients: 'Recipients',
    sent: 'Sent',
    delivered: 'Delivered',
    hard: 'Hard bounces',
    soft: 'Soft bounces',
    failed: 'Failed',
    pending: 'In progress',
    skipped: 'Skipped',
  },
};

/** One statistics table as CSV text, with column names in the user's language. */
export function exportCsv(
  queries: StatsQueries,
  details: StatsDetails,
  input: ExportInputT,
  language: 'nl' | 'en',
): { fileName: string; csv: string } {
  const h = HEADERS[language];
  const stats = queries.get(input.mailingId);
  const base = { mailingId: input.mailingId, includeMachine: input.includeMachine };
  let csv: string;
  switch (input.table) {
    case 'opened':
      csv = toCsv(
        [h.email, h.name, h.firstOpened, h.times, h.machine],
        map(details.all({ ...base, list: 'opened' }), (r) => [
          r.email,
          r.name,
          csvTime(r.at),
          r.count,
          r.machine ? h.yes : h.no,
        ]),
      );
      break;
    case 'delivery': {
      const d = stats.delivery;
      const summary: (string | number)[][] = [
        [h.recipients, stats.mailing.recipients],
        [h.sent, d.sent],
        [h.delivered, d.delivered],
        [h.hard, d.hardBounces],
        [h.soft, d.softBounces],
        [h.failed, d.failed],
        [h.pending, d.pending],
        [h.skipped, d.skipped],
      ];
      const bounces = [...details.all({ ...base, list: 'bounces' })].map((r) => {
        const [kind, ...reason] = r.detail.split(': ');
        return [
          r.email,
          r.name,
          kind === 'hard' ? h.hard : h.soft,
          reason.join(': '),
          csvTime(r.at),
        ];
      });
      csv =
        toCsv([h.figure, h.count], summary) +
        toCsv([h.email, h.name, h.kind, h.reason, h.date], bounces).replace(/^\uFEFF/, '\r\n');
      break;
    }
    case 'links':
      csv = toCsv(
        [h.link, h.unique, h.total, h.machineClicks],
        stats.links.map((l) => [l.url ?? `#${l.linkId}`, l.clickers, l.clicks, l.machineClicks]),
      );
      break;
    case 'clicked':
      csv = toCsv(
        [h.email, h.name, h.firstClick, h.times, h.machine],
        map(details.all({ ...base, list: 'clicked', linkId: input.linkId }), (r) => [
          r.email,
          r.name,
          csvTime(r.at),
          r.count,
          r.machine ? h.yes : h.no,
        ]),
      );
      break;
    case 'unsubscribes':
      csv = toCsv(
        [h.email, h.name, h.unsubscribedAt],
        map(details.all({ ...base, list: 'unsubscribes' }), (r) => [
          r.email,
          r.name,
          csvTime(r.at),
        ]),
      );
      break;
  }
  const day = csvTime(stats.mailing.sentAt).slice(0, 10) || 'mailing';
  return { fileName: `statistieken-${input.table}-${day}.csv`, csv };
}

function* map<T, U>(items: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}
