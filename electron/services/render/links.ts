/**
 * The mailing's link table: every distinct web link gets a number (1, 2, …) in order of first
 * appearance, so the same document always gives the same table. Click tokens carry the number;
 * the tracker redirects only to the URL registered under it, never to a URL from the request.
 */
import { tagLink, type CampaignTags } from './campaignTags';

export interface TrackedLink {
  id: number;
  url: string;
}

export class LinkTable {
  private readonly byUrl = new Map<string, number>();

  /** With campaign tags, the tagged URL is the one registered, redirected to and listed. */
  constructor(private readonly campaignTags: CampaignTags | null = null) {}

  /** `block` names where the link sits (utm_content), e.g. "button-3". */
  idFor(url: string, block = ''): number {
    const target = this.campaignTags ? tagLink(url, this.campaignTags, block) : url;
    let id = this.byUrl.get(target);
    if (id === undefined) {
      id = this.byUrl.size + 1;
      this.byUrl.set(target, id);
    }
    return id;
  }

  list(): TrackedLink[] {
    return [...this.byUrl].map(([url, id]) => ({ id, url }));
  }
}
