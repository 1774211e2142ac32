import { createTheme, type MantineThemeOverride } from '@mantine/core';
import { BRAND_SHADE, brandPalette, TEXT_LUMINANCE_THRESHOLD } from './themePalette';

/** Winkelpost's own green, until the brand of this build is known. */
export const DEFAULT_BRAND_COLOUR = '#1f7a5a';

/** The theme for the brand chosen at build time: its colour is the primary colour. */
export function brandTheme(primaryColour: string = DEFAULT_BRAND_COLOUR): MantineThemeOverride {
  return createTheme({
    primaryColor: 'brand',
    primaryShade: BRAND_SHADE,
    colors: { brand: brandPalette(primaryColour) },
    // Dark text on a light brand colour, white on a dark one.
    autoContrast: true,
    luminanceThreshold: TEXT_LUMINANCE_THRESHOLD,
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  });
}

export const theme = brandTheme();
