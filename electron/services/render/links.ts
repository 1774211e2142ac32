/**
 * The mailing's link table: every distinct web link gets a number (1, 2, …) in order of first
 * appearance, so the same document always gives the same table. Click tokens carry the number;
 * the tracker redirects only to the URL registered under it, never to a URL from the request.
 */
export interface TrackedLink {
  id: number;
  url: string;
}

export class LinkTable {
  private readonly byUrl = new Map<string, number>();

  idFor(url: string): number {
    let id = this.byUrl.get(url);
    if (id === undefined) {
      id = this.byUrl.size + 1;
      this.byUrl.set(url, id);
    }
    return id;
  }

  list(): TrackedLink[] {
    return [...this.byUrl].map(([url, id]) => ({ id, url }));
  }
}
