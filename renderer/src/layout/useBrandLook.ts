import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { api } from '../api';
import { useBrandColour } from '../themeProvider';

export type BrandLook = ChannelOutput<'desktop.branding.get'>;

/**
 * The brand of this build (logo, partner, colours), asked once. It also makes the brand colour
 * the theme's primary colour and the product name the window title.
 */
export function useBrandLook(): BrandLook | null {
  const [look, setLook] = useState<BrandLook | null>(null);
  useEffect(() => {
    let cancelled = false;
    api
      .call('desktop.branding.get', {})
      .then((value) => {
        if (!cancelled) setLook(value);
      })
      // Without it the shell keeps Winkelpost's own look: nothing the shop must act on.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  useBrandColour(look?.primaryColor);
  return look;
}
