/** A recipient's row in stats_recipients, as far as the people counts read it. */
export interface RecipientCounters {
  opens: number;
  machineOpens: number;
  clicks: number;
  machineClicks: number;
  unsubscribedAt: number | null;
  complainedAt: number | null;
  bounce: 'hard' | 'soft' | null;
}

export const NO_COUNTERS: RecipientCounters = {
  opens: 0,
  machineOpens: 0,
  clicks: 0,
  machineClicks: 0,
  unsubscribedAt: null,
  complainedAt: null,
  bounce: null,
};

/** A person counts once: a human open or click makes an opener, a click implies an open. */
const opener = (r: RecipientCounters) => r.opens + r.clicks > 0;
/** Only machines (privacy proxies, link scanners) fetched the mail for this person. */
const machineOpener = (r: RecipientCounters) =>
  r.opens + r.clicks === 0 && r.machineOpens + r.machineClicks > 0;
const clicker = (r: { clicks: number }) => r.clicks > 0;
const machineClicker = (r: { clicks: number; machineClicks: number }) =>
  r.clicks === 0 && r.machineClicks > 0;

/** +1, 0 or −1: how a yes/no of one person moved. */
const moved = (before: boolean, after: boolean) => Number(after) - Number(before);

/** Changes to a mailing's people counts (stats_mailings), summed over recipients. */
export class PeopleDelta {
  openers = 0;
  machineOpeners = 0;
  clickers = 0;
  machineClickers = 0;
  unsubscribes = 0;
  complaints = 0;
  bouncesHard = 0;
  bouncesSoft = 0;

  /** One recipient's row went from `before` (NO_COUNTERS when new) to `after`. */
  add(before: RecipientCounters, after: RecipientCounters): void {
    this.openers += moved(opener(before), opener(after));
    this.machineOpeners += moved(machineOpener(before), machineOpener(after));
    this.clickers += moved(clicker(before), clicker(after));
    this.machineClickers += moved(machineClicker(before), machineClicker(after));
    this.unsubscribes += moved(before.unsubscribedAt !== null, after.unsubscribedAt !== null);
    this.complaints += moved(before.complainedAt !== null, after.complainedAt !== null);
    this.bouncesHard += moved(before.bounce === 'hard', after.bounce === 'hard');
    this.bouncesSoft += moved(before.bounce === 'soft', after.bounce === 'soft');
  }
}

/** Changes to one link's people counts (stats_links), from its per-recipient rows. */
export class LinkPeopleDelta {
  clickers = 0;
  machineClickers = 0;

  add(
    before: { clicks: number; machineClicks: number },
    after: { clicks: number; machineClicks: number },
  ): void {
    this.clickers += moved(clicker(before), clicker(after));
    this.machineClickers += moved(machineClicker(before), machineClicker(after));
  }
}
