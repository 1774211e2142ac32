import { z } from 'zod';
import { channel } from './channel';
import { OptionalHexColor } from './mailingDocument';

/**
 * The shop's own look, set once on the account page: its logo and brand colours. New mailings
 * (blank ones and copies of the BASIS templates) start with them instead of "JOUW LOGO".
 */
export const BrandColors = z.object({
  /** Buttons, the voucher amount, dividers. Empty: the template's own. */
  accent: OptionalHexColor.default(''),
  heading: OptionalHexColor.default(''),
  link: OptionalHexColor.default(''),
});
export type BrandColorsT = z.infer<typeof BrandColors>;

export const ShopIdentity = z.object({
  logo: z
    .object({
      fileName: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      dataUrl: z.string(),
    })
    .nullable(),
  colors: BrandColors,
});
export type ShopIdentityT = z.infer<typeof ShopIdentity>;

export const identityChannels = {
  'identity.get': channel(z.object({}).strict(), ShopIdentity),
  /** Checked and scaled like every image (GIF, JPEG or PNG, at most 20 MB, ≤ 640 px wide). */
  'identity.setLogo': channel(
    z
      .object({
        fileName: z.string().trim().min(1).max(255),
        dataBase64: z.string().min(1).max(40_000_000),
      })
      .strict(),
    ShopIdentity,
  ),
  'identity.removeLogo': channel(z.object({}).strict(), ShopIdentity),
  'identity.setColors': channel(z.object({ colors: BrandColors }).strict(), ShopIdentity),
};
