import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { z } from 'zod';
import type { BrandLook } from '../../contract/desktop';
import type { BrandingFileT } from '../app/branding';
import type { Logger } from '../core/logger';
import { loadResellerBranding, type ResellerBrandingT } from './brandingSchema';

export type BrandLookT = z.infer<typeof BrandLook>;

const MIME: Record<string, string> = { '.png': 'image/png', '.svg': 'image/svg+xml' };

/** A brand image as a data: URL, so the window loads it under its CSP without any file access. */
export function imageDataUrl(brandingDir: string, asset: string): string {
  const mime = MIME[extname(asset).toLowerCase()];
  if (!mime) throw new Error(`Unsupported brand image type: ${asset}`);
  return `data:${mime};base64,${readFileSync(join(brandingDir, asset)).toString('base64')}`;
}

/**
 * The look of the brand baked into this build. A brand that does not pass the full schema (only a
 * hand-made test brand can: `npm run dist` refuses one) still shows its name and colour.
 */
export function brandLook(
  brandingDir: string,
  branding: BrandingFileT,
  logger: Logger,
): BrandLookT {
  let brand: ResellerBrandingT;
  try {
    brand = loadResellerBranding(brandingDir, branding.name);
  } catch (error) {
    logger.warn('branding incomplete: no logo or partner shown', error);
    return {
      productName: branding.productName,
      primaryColor: /^#[0-9a-fA-F]{6}$/.test(branding.primaryColor)
        ? branding.primaryColor
        : '#1f7a5a',
      accentColor: '#f2a541',
      logo: null,
      partner: null,
      smtpRelayHost: null,
    };
  }
  const image = (asset: string): string | null => {
    try {
      return imageDataUrl(brandingDir, asset);
    } catch (error) {
      logger.warn(`brand image unreadable: ${asset}`, error);
      return null;
    }
  };
  return {
    productName: brand.productName,
    primaryColor: brand.primaryColor,
    accentColor: brand.accentColor,
    logo: image(brand.logo),
    partner: brand.partner ? { name: brand.partner.name, logo: image(brand.partner.logo) } : null,
    smtpRelayHost: brand.smtpRelay?.host ?? null,
  };
}
