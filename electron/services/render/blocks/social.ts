import { SocialData } from '../../../contract/mailingDocument';
import { mjText, section } from './mjml';
import type { BlockModule } from './types';

const LABELS = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  pinterest: 'Pinterest',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  x: 'X',
  website: 'Website',
} as const;

/** Text buttons rather than icons from someone else's server (no third party sees the opens). */
export const socialBlock: BlockModule<'social'> = {
  type: 'social',
  schema: SocialData,
  toMjml(data, ctx) {
    const items = data.items.filter((item) => item.url !== '');
    if (items.length === 0) return '';
    const accent = ctx.settings.colors.accent;
    const links = items
      .map(
        (item) =>
          `<a href="${ctx.href(item.url)}" target="_blank" style="display:inline-block;margin:4px;padding:6px 14px;border:1px solid ${accent};border-radius:16px;color:${accent};text-decoration:none;font-size:13px;">${LABELS[item.network]}</a>`,
      )
      .join(' ');
    return section(ctx, mjText(links, { align: data.align, padding: '12px 24px' }));
  },
  toText(data, ctx) {
    return data.items
      .filter((item) => item.url !== '')
      .map((item) => `${LABELS[item.network]}: ${ctx.href(item.url, 'text')}`)
      .join('\n');
  },
};
