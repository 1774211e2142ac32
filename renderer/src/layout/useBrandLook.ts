import type { ChannelOutput } from '../../../electron/contract';
import { useChannelQuery } from '../data/useChannelQuery';
import { useBrandColour } from '../themeProvider';

export type BrandLook = ChannelOutput<'desktop.branding.get'>;

/**
 * The brand of this build (logo, partner, colours). It also makes the brand colour the theme's
 * primary colour and the product name the window title. Without it (a failed call) the shell
 * keeps Winkelpost's own look: nothing the shop must act on.
 */
export function useBrandLook(): BrandLook | null {
  const look = useChannelQuery('desktop.branding.get', {}).data ?? null;
  useBrandColour(look?.primaryColor);
  return look;
}
