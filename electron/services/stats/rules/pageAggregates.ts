const HOUR = 3_600_000;

/** Opens and clicks, by people and by machines. Classes keep one object shape for V8. */
class Counts {
  opens = 0;
  machineOpens = 0;
  clicks = 0;
  machineClicks = 0;

  add(click: boolean, machine: boolean): void {
    if (click) {
      if (machine) this.machineClicks += 1;
      else this.clicks += 1;
    } else if (machine) this.machineOpens += 1;
    else this.opens += 1;
  }
}

export class RecipientDelta extends Counts {
  openedAt: number | null = null;
  machineAt: number | null = null;
  firstClickAt: number | null = null;
}

export class LinkRecipientDelta {
  clicks = 0;
  machineClicks = 0;
  firstAt: number | null = null;
  firstMachineAt: number | null = null;
}

/** One mailing's share of a page: totals, and deltas per hour, link, recipient and link+recipient. */
class MailingDelta {
  readonly totals = new Counts();
  readonly hours = new Map<number, Counts>();
  readonly links = new Map<number, Counts>();
  readonly recipients = new Map<string, RecipientDelta>();
  readonly linkRecipients = new Map<number, Map<string, LinkRecipientDelta>>();
}

const earliest = (a: number | null, b: number) => (a === null || b < a ? b : a);

/** True when the page's first time is earlier than the stored one (or the first at all). */
export const movesEarlier = (stored: number | null, page: number | null): page is number =>
  page !== null && (stored === null || page < stored);

function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/**
 * Opens and clicks of one sync page, summed in memory and written as one upsert per mailing, hour,
 * link and recipient instead of several statements per event (a page of 5,000 events touches a
 * few dozen aggregate rows and one row per recipient). Maps nested per mailing with plain keys,
 * rather than one map per table keyed by joined strings: that made summing 100,000 events cost
 * ten times more (string building and garbage). `StatsAggregateStore.writePage` writes it and
 * derives the people counts (openers, clickers: peopleCounts.ts) from the rows it touched.
 */
export class PageAggregates {
  readonly mailings = new Map<string, MailingDelta>();

  add(event: {
    kind: 'open' | 'click';
    mailingId: string;
    recipientId: string | null;
    linkId: number | null;
    machine: boolean;
    at: number;
  }): void {
    const { mailingId, recipientId, linkId, machine, at } = event;
    const click = event.kind === 'click';
    const mailing = entry(this.mailings, mailingId, () => new MailingDelta());
    mailing.totals.add(click, machine);
    entry(mailing.hours, Math.floor(at / HOUR), () => new Counts()).add(click, machine);

    if (click && linkId !== null) {
      entry(mailing.links, linkId, () => new Counts()).add(click, machine);
      if (recipientId !== null) {
        const byRecipient = entry(mailing.linkRecipients, linkId, () => new Map());
        const row = entry(byRecipient, recipientId, () => new LinkRecipientDelta());
        if (machine) {
          row.machineClicks += 1;
          row.firstMachineAt = earliest(row.firstMachineAt, at);
        } else {
          row.clicks += 1;
          row.firstAt = earliest(row.firstAt, at);
        }
      }
    }

    if (recipientId === null) return;
    const row = entry(mailing.recipients, recipientId, () => new RecipientDelta());
    row.add(click, machine);
    // A click by a person means the mail was opened, also when its images were blocked.
    if (machine) row.machineAt = earliest(row.machineAt, at);
    else row.openedAt = earliest(row.openedAt, at);
    if (click && !machine) row.firstClickAt = earliest(row.firstClickAt, at);
  }
}
