import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BrandingFile } from '../app/branding';

const HttpsUrl = z
  .string()
  .url()
  .refine((v) => v.startsWith('https://'), { message: 'must be an https:// URL' });
const OptionalHttpsUrl = z.union([z.literal(''), HttpsUrl]);
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour like #1f7a5a' });
/** A file under resources/branding/, named without folders that could leave it. */
const BrandingAsset = z.string().regex(/^icons\/[\w.@-]+\.(png|svg)$/, {
  message: 'must be a file under resources/branding/icons',
});

/**
 * Everything a reseller's brand sets (resources/branding/<name>.json). The app reads the fields it
 * knows through services/app/branding.ts; this full schema is checked at build time (`npm run
 * branding:check`, `npm run dist`) and by the tests, so a broken brand never reaches a shop.
 */
export const ResellerBranding = BrandingFile.extend({
  name: z.string().regex(/^[a-z0-9-]+$/),
  productName: z.string().min(1).max(40),
  /** Installer and update identity; distinct per brand so two brands can live side by side. */
  appId: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+){2,}$/),
  primaryColor: Colour,
  accentColor: Colour,
  logo: BrandingAsset,
  trayIcon: BrandingAsset,
  /** "Voor gebruikers van …": the point-of-sale system the reseller sells. */
  partner: z.object({ name: z.string().min(1), logo: BrandingAsset }).nullable(),
  supportEmail: z.string().email(),
  supportPhone: z.string().max(30),
  trackerUrl: OptionalHttpsUrl,
  smtpRelay: z
    .object({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535),
      security: z.enum(['tls', 'starttls']),
    })
    .nullable(),
  orderUrl: HttpsUrl,
  bundlesUrl: HttpsUrl,
  forgotPasswordUrl: HttpsUrl,
  signUpUrl: HttpsUrl,
  manualUrl: HttpsUrl,
  /** electron-updater's generic feed (latest.yml and the installers); empty: no auto-update. */
  updateUrl: OptionalHttpsUrl,
}).strict();
export type ResellerBrandingT = z.infer<typeof ResellerBranding>;

export interface BrandingProblem {
  file: string;
  problems: string[];
}

/** Checks one brand: the schema, the file name matching `name`, and that its images exist. */
export function checkBrandingFile(brandingDir: string, fileName: string): BrandingProblem | null {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(brandingDir, fileName), 'utf8'));
  } catch (error) {
    return { file: fileName, problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = ResellerBranding.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.') || '(file)'}: ${issue.message}`);
    }
  } else {
    const brand = parsed.data;
    if (`${brand.name}.json` !== fileName)
      problems.push(`name: must be "${fileName.slice(0, -5)}"`);
    const assets = [brand.logo, brand.trayIcon, ...(brand.partner ? [brand.partner.logo] : [])];
    for (const asset of assets) {
      if (!existsSync(join(brandingDir, asset))) problems.push(`${asset}: file is missing`);
    }
  }
  return problems.length > 0 ? { file: fileName, problems } : null;
}

export function brandingFiles(brandingDir: string): string[] {
  return readdirSync(brandingDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

export function loadResellerBranding(brandingDir: string, name: string): ResellerBrandingT {
  return ResellerBranding.parse(
    JSON.parse(readFileSync(join(brandingDir, `${name}.json`), 'utf8')),
  );
}
