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
const opener = (opens: number, clicks: number) => opens + clicks > 0;
/** Only machines (privacy proxies, link scanners) fetched the mail for this person. */
const machineOpener = (
  opens: number,
  clicks: number,
  machineOpens: number,
  machineClicks: number,
) => opens + clicks === 0 && machineOpens + machineClicks > 0;
const clicker = (clicks: number) => clicks > 0;
const machineClicker = (clicks: number, machineClicks: number) => clicks === 0 && machineClicks > 0;

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
    this.addOpensAndClicks(
      before.opens,
      before.clicks,
      before.machineOpens,
      before.machineClicks,
      after.opens,
      after.clicks,
      after.machineOpens,
      after.machineClicks,
    );
    this.unsubscribes += moved(before.unsubscribedAt !== null, after.unsubscribedAt !== null);
    this.complaints += moved(before.complainedAt !== null, after.complainedAt !== null);
    this.bouncesHard += moved(before.bounce === 'hard', after.bounce === 'hard');
    this.bouncesSoft += moved(before.bounce === 'soft', after.bounce === 'soft');
  }

  /**
   * Only opens and clicks changed (a sync page). Plain numbers: this runs once per recipient
   * of every page, and two objects per call made the page's write a fifth slower.
   */
  addOpensAndClicks(
    opens: number,
    clicks: number,
    machineOpens: number,
    machineClicks: number,
    opensAfter: number,
    clicksAfter: number,
    machineOpensAfter: number,
    machineClicksAfter: number,
  ): void {
    this.openers += moved(opener(opens, clicks), opener(opensAfter, clicksAfter));
    this.machineOpeners += moved(
      machineOpener(opens, clicks, machineOpens, machineClicks),
      machineOpener(opensAfter, clicksAfter, machineOpensAfter, machineClicksAfter),
    );
    this.clickers += moved(clicker(clicks), clicker(clicksAfter));
    this.machineClickers += moved(
      machineClicker(clicks, machineClicks),
      machineClicker(clicksAfter, machineClicksAfter),
    );
  }
}

/** Changes to one link's people counts (stats_links), from its per-recipient rows. */
export class LinkPeopleDelta {
  clickers = 0;
  machineClickers = 0;

  /** A link recipient's clicks went from (clicks, machineClicks) to the values after. */
  add(
    clicks: number,
    machineClicks: number,
    clicksAfter: number,
    machineClicksAfter: number,
  ): void {
    this.clickers += moved(clicker(clicks), clicker(clicksAfter));
    this.machineClickers += moved(
      machineClicker(clicks, machineClicks),
      machineClicker(clicksAfter, machineClicksAfter),
    );
  }
}
