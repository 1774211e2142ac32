/**
 * Writes resources/templates/*.json and images/ (run: npx tsx resources/templates/tools/build.ts).
 * The JSON files are what ships; this script is how they were made, so they can be remade.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as draw from './images';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

type Node = Record<string, unknown>;
const BOLD = 1;
const ITALIC = 2;
const text = (value: string, format = 0): Node => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
});
const variable = (name: string, fallback?: string): Node => ({
  type: 'variable',
  version: 1,
  name,
  ...(fallback ? { fallback } : {}),
});
const link = (url: string, ...children: Node[]): Node => ({
  type: 'link',
  version: 1,
  url,
  rel: 'noopener',
  target: '_blank',
  children,
});
const paragraph = (...children: Node[]): Node => ({
  type: 'paragraph',
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  children,
});
const centered = (...children: Node[]): Node => ({ ...paragraph(...children), format: 'center' });
// A section title inside a text: a real heading (screen readers list and jump to it), not bold text.
const heading = (tag: 'h2' | 'h3', ...children: Node[]): Node => ({
  type: 'heading',
  version: 1,
  tag,
  format: '',
  indent: 0,
  direction: 'ltr',
  children,
});
const centeredHeading = (tag: 'h2' | 'h3', ...children: Node[]): Node => ({
  ...heading(tag, ...children),
  format: 'center',
});
const rich = (...paragraphs: Node[]) => ({
  root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children: paragraphs },
});
const bullets = (...items: Node[][]): Node => ({
  type: 'list',
  version: 1,
  listType: 'bullet',
  tag: 'ul',
  start: 1,
  children: items.map((children, i) => ({ type: 'listitem', version: 1, value: i + 1, children })),
});

const SHOP_URL = 'https://www.jouwmodezaak.nl';

const fashionSettings = {
  width: 600,
  colors: {
    background: '#f3efe9',
    content: '#ffffff',
    text: '#3a3a3a',
    heading: '#2b2118',
    accent: '#8c4a2f',
    link: '#8c4a2f',
  },
  font: 'Georgia',
};
const basisSettings = { width: 600, font: 'Arial' };

const footer = { id: 'footer', type: 'footer', data: {} };

const templates = [
  {
    key: 'basis-nieuwsbrief',
    type: 'newsletter',
    name: 'BASIS - nieuwsbrief',
    copySubject: '',
    topLine: '',
    images: [{ ref: 'logo', file: 'images/basis-logo.png', fileName: 'jouw-logo.png' }],
    document: {
      version: 1,
      settings: basisSettings,
      blocks: [
        { id: 'logo', type: 'logo', data: { imageId: 'ref:logo', alt: 'Logo', width: 180 } },
        {
          id: 'content',
          type: 'text',
          data: {
            content: rich(
              paragraph(text('Beste '), variable('voornaam', 'klant'), text(',')),
              paragraph(),
            ),
          },
        },
        footer,
      ],
    },
  },
  {
    key: 'basis-waardebon',
    type: 'voucher',
    name: 'BASIS - waardebon',
    copySubject: '',
    topLine: '',
    images: [{ ref: 'logo', file: 'images/basis-logo.png', fileName: 'jouw-logo.png' }],
    document: {
      version: 1,
      settings: basisSettings,
      blocks: [
        { id: 'logo', type: 'logo', data: { imageId: 'ref:logo', alt: 'Logo', width: 180 } },
        {
          id: 'content',
          type: 'text',
          data: {
            content: rich(paragraph(text('Beste '), variable('voornaam', 'klant'), text(','))),
          },
        },
        { id: 'voucher', type: 'voucher', data: {} },
        footer,
      ],
    },
  },
  {
    key: 'voorbeeld-nieuwsbrief',
    type: 'newsletter',
    name: 'VOORBEELD - nieuwsbrief',
    copySubject: 'De herfstcollectie is binnen',
    topLine: 'Warme wol, zachte tinten en koopavond op donderdag: kom gezellig langs.',
    images: [
      { ref: 'logo', file: 'images/voorbeeld-logo.png', fileName: 'jouw-modezaak-logo.png' },
      { ref: 'hero', file: 'images/voorbeeld-herfst.jpg', fileName: 'herfstcollectie.jpg' },
      { ref: 'coat', file: 'images/voorbeeld-jas.jpg', fileName: 'wollen-jas.jpg' },
      { ref: 'scarf', file: 'images/voorbeeld-sjaal.jpg', fileName: 'gebreide-sjaal.jpg' },
      { ref: 'evening', file: 'images/voorbeeld-koopavond.jpg', fileName: 'koopavond.jpg' },
    ],
    document: {
      version: 1,
      settings: fashionSettings,
      blocks: [
        {
          id: 'logo',
          type: 'logo',
          data: { imageId: 'ref:logo', alt: 'Jouw Modezaak', width: 220, href: SHOP_URL },
        },
        {
          id: 'hero',
          type: 'image',
          data: {
            imageId: 'ref:hero',
            alt: 'De nieuwe herfstcollectie bij Jouw Modezaak',
            href: `${SHOP_URL}/herfst`,
            fullBleed: true,
          },
        },
        {
          id: 'title',
          type: 'heading',
          data: {
            text: 'De herfst is binnen, [[voornaam|lieve klant]]!',
            level: 'h1',
            align: 'center',
          },
        },
        {
          id: 'intro',
          type: 'text',
          data: {
            content: rich(
              centered(
                text(
                  'Warme wol, zachte tinten en jassen die je de hele winter wilt dragen. Onze nieuwe collectie hangt in de winkel en we laten hem je graag zien.',
                ),
              ),
              centered(
                text('Kom langs voor '),
                text('persoonlijk advies', BOLD),
                text(': we nemen de tijd voor je, met een kop koffie erbij.'),
              ),
            ),
          },
        },
        {
          id: 'cta',
          type: 'button',
          data: { label: 'Bekijk de collectie', url: `${SHOP_URL}/collectie` },
        },
        { id: 'divider', type: 'divider', data: { color: '#e6ddd2', widthPercent: 40 } },
        {
          id: 'favourites',
          type: 'heading',
          data: { text: 'Onze favorieten', level: 'h2', align: 'center' },
        },
        {
          id: 'products',
          type: 'twoColumns',
          data: {
            left: {
              imageId: 'ref:coat',
              alt: 'Wollen jas in camel',
              href: `${SHOP_URL}/jassen`,
              content: rich(
                centeredHeading('h3', text('Wollen jas')),
                centered(text('Camel, tijdloos model')),
                centered(text('€ 189,95', BOLD)),
              ),
            },
            right: {
              imageId: 'ref:scarf',
              alt: 'Gebreide sjaal in roestrood',
              href: `${SHOP_URL}/sjaals`,
              content: rich(
                centeredHeading('h3', text('Gebreide sjaal')),
                centered(text('Extra lang, in vijf kleuren')),
                centered(text('€ 39,95', BOLD)),
              ),
            },
          },
        },
        {
          id: 'evening',
          type: 'imageText',
          data: {
            imageId: 'ref:evening',
            alt: 'Jouw Modezaak op de koopavond',
            imagePosition: 'right',
            content: rich(
              heading('h3', text('Koopavond op donderdag')),
              paragraph(
                text(
                  'Donderdag 10 december zijn we open tot 21.00 uur. Met een drankje, live muziek en:',
                ),
              ),
              bullets(
                [text('15% korting op alle truien')],
                [text('gratis inpakservice voor je cadeaus')],
              ),
              paragraph(link(`${SHOP_URL}/koopavond`, text('Lees meer over de koopavond', ITALIC))),
            ),
          },
        },
        {
          id: 'social',
          type: 'social',
          data: {
            items: [
              { network: 'instagram', url: 'https://www.instagram.com/jouwmodezaak' },
              { network: 'facebook', url: 'https://www.facebook.com/jouwmodezaak' },
              { network: 'website', url: SHOP_URL },
            ],
          },
        },
        footer,
      ],
    },
  },
  {
    key: 'voorbeeld-waardebon',
    type: 'voucher',
    name: 'VOORBEELD - waardebon',
    copySubject: 'Jouw persoonlijke waardebon van Jouw Modezaak',
    topLine: 'Je hebt gespaard: er staat een waardebon voor je klaar in de winkel.',
    images: [
      { ref: 'logo', file: 'images/voorbeeld-logo.png', fileName: 'jouw-modezaak-logo.png' },
      { ref: 'hero', file: 'images/voorbeeld-waardebon.jpg', fileName: 'waardebon.jpg' },
    ],
    document: {
      version: 1,
      settings: fashionSettings,
      blocks: [
        {
          id: 'logo',
          type: 'logo',
          data: { imageId: 'ref:logo', alt: 'Jouw Modezaak', width: 220, href: SHOP_URL },
        },
        {
          id: 'hero',
          type: 'image',
          data: { imageId: 'ref:hero', alt: 'Een waardebon als cadeau voor jou', fullBleed: true },
        },
        {
          id: 'title',
          type: 'heading',
          data: { text: 'Gefeliciteerd, [[voornaam|beste klant]]!', level: 'h1', align: 'center' },
        },
        {
          id: 'intro',
          type: 'text',
          data: {
            content: rich(
              centered(
                text('Je hebt '),
                variable('waardebon_spaarpunten'),
                text(' punten gespaard en daarmee een waardebon verdiend van '),
                text('€ ', BOLD),
                { ...variable('waardebon_bedrag') },
                text('. Kom je hem inleveren in onze winkel?'),
              ),
            ),
          },
        },
        {
          id: 'voucher',
          type: 'voucher',
          data: {
            title: 'Jouw waardebon',
            showRemainingPoints: true,
            terms:
              'Geldig tot en met 31 maart 2027 bij Jouw Modezaak. Eén waardebon per aankoop, niet inwisselbaar voor contanten.',
          },
        },
        {
          id: 'howto',
          type: 'text',
          data: {
            content: rich(
              centered(
                text(
                  'Laat de barcode zien aan de kassa, op je telefoon of geprint. Wij doen de rest.',
                ),
              ),
              centered(text('Tot snel in de winkel!', ITALIC)),
            ),
          },
        },
        { id: 'cta', type: 'button', data: { label: 'Plan je bezoek', url: `${SHOP_URL}/winkel` } },
        footer,
      ],
    },
  },
];

const images: [string, () => Promise<Buffer>][] = [
  ['images/basis-logo.png', draw.logoPlaceholder],
  ['images/voorbeeld-logo.png', draw.logo],
  ['images/voorbeeld-herfst.jpg', draw.heroNewsletter],
  ['images/voorbeeld-jas.jpg', draw.productCoat],
  ['images/voorbeeld-sjaal.jpg', draw.productScarf],
  ['images/voorbeeld-koopavond.jpg', draw.shopEvening],
  ['images/voorbeeld-waardebon.jpg', draw.heroVoucher],
];

for (const [file, make] of images) writeFileSync(join(root, file), await make());
for (const template of templates) {
  writeFileSync(join(root, `${template.key}.json`), `${JSON.stringify(template, null, 2)}\n`);
}
console.log(`wrote ${templates.length} templates and ${images.length} images to ${root}`);
