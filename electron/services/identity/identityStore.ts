import type Database from 'better-sqlite3';
import { BrandColors, type BrandColorsT, type ShopIdentityT } from '../../contract/identity';
import type { MailingDocumentT } from '../../contract/mailingDocument';
import type { KeyValueStore } from '../core/kvStore';
import type { ImageMime, PreparedImage } from '../images/imageFile';

const KEY = 'shop.identity';

interface StoredLogo {
  fileName: string;
  mime: ImageMime;
  width: number;
  height: number;
  sha256: string;
  base64: string;
}
interface Stored {
  logo: StoredLogo | null;
  colors: BrandColorsT;
}

/**
 * The shop's logo and brand colours, one small record in the settings table (a logo is scaled to
 * ≤ 640 px like every image, so it stays small). Mailings get their own copy of the logo when they
 * are made, so changing it later never changes a mailing already written.
 */
export class ShopIdentityStore {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly sqlite: Database.Database,
  ) {}

  private read(): Stored {
    const stored = this.kv.get<Partial<Stored>>(KEY);
    return { logo: stored?.logo ?? null, colors: BrandColors.parse(stored?.colors ?? {}) };
  }

  view(): ShopIdentityT {
    const { logo, colors } = this.read();
    return {
      logo: logo && {
        fileName: logo.fileName,
        width: logo.width,
        height: logo.height,
        dataUrl: `data:${logo.mime};base64,${logo.base64}`,
      },
      colors,
    };
  }

  setLogo(fileName: string, image: PreparedImage): ShopIdentityT {
    const { mime, width, height, sha256, bytes } = image;
    this.kv.set(KEY, {
      ...this.read(),
      logo: { fileName, mime, width, height, sha256, base64: bytes.toString('base64') },
    });
    return this.view();
  }

  removeLogo(): ShopIdentityT {
    this.kv.set(KEY, { ...this.read(), logo: null });
    return this.view();
  }

  setColors(colors: BrandColorsT): ShopIdentityT {
    this.kv.set(KEY, { ...this.read(), colors });
    return this.view();
  }

  /** The logo as an image to store with a new mailing, or null while the shop has none. */
  logo(): { fileName: string; image: PreparedImage } | null {
    const logo = this.read().logo;
    if (!logo) return null;
    const { fileName, mime, width, height, sha256, base64 } = logo;
    return {
      fileName,
      image: { mime, width, height, sha256, bytes: Buffer.from(base64, 'base64') },
    };
  }

  /** A document with the brand colours the shop chose (the rest as it was). */
  applyColors(document: MailingDocumentT): MailingDocumentT {
    const chosen = Object.fromEntries(
      Object.entries(this.read().colors).filter(([, value]) => value !== ''),
    );
    return {
      ...document,
      settings: { ...document.settings, colors: { ...document.settings.colors, ...chosen } },
    };
  }

  /**
   * Content hashes of the templates' placeholder logos ("JOUW LOGO"): the images the logo blocks of
   * the template mailings show. A mailing holding one of them would send the placeholder.
   */
  placeholderHashes(): Set<string> {
    const rows = this.sqlite
      .prepare(
        `select m.document, i.id, i.sha256 from mailings m join images i on i.mailing_id = m.id
         where m.template_key is not null`,
      )
      .all() as { document: string; id: string; sha256: string }[];
    const hashes = new Set<string>();
    for (const row of rows) {
      const doc = JSON.parse(row.document) as {
        blocks?: { type: string; data?: { imageId?: string } }[];
      };
      if (doc.blocks?.some((b) => b.type === 'logo' && b.data?.imageId === row.id))
        hashes.add(row.sha256);
    }
    return hashes;
  }
}
