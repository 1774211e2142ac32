import type { MailingT } from '../../contract/mailings';
import { ownDomainsOf, slugify, type CampaignTags } from '../render/campaignTags';
import { parseVariables } from '../render/variables';
import type { StoredSettings } from '../settings/settingsService';

/**
 * The mailing's campaign slug: its subject without variables (a customer's name is no campaign),
 * accents folded, and its creation day, so two mailings called "Nieuwsbrief" stay apart in the
 * shop's analytics and the slug never changes after the mailing is made.
 */
export function campaignSlug(mailing: Pick<MailingT, 'subject' | 'createdAt'>): string {
  const words = parseVariables(mailing.subject)
    .map((segment) => ('text' in segment ? segment.text : ' '))
    .join('');
  const day = new Date(mailing.createdAt).toISOString().slice(0, 10);
  return [slugify(words), day].filter((part) => part !== '').join('-');
}

/**
 * What the compiler needs to tag links, or null when the mailing has tags off or the shop has no
 * own domain (no website and no extra domain: then no link can be the shop's own).
 */
export function campaignTagsFor(
  mailing: Pick<MailingT, 'subject' | 'createdAt' | 'campaignTags'>,
  settings: Pick<StoredSettings, 'shop' | 'campaignTags'>,
  productName: string,
): CampaignTags | null {
  if (!mailing.campaignTags) return null;
  const ownDomains = ownDomainsOf(settings.shop.website, settings.campaignTags.extraDomains);
  if (ownDomains.length === 0) return null;
  return {
    source: slugify(productName) || 'winkelpost',
    campaign: campaignSlug(mailing),
    ownDomains,
  };
}
