import {
  Alert,
  ColorInput,
  createTheme,
  DEFAULT_THEME,
  Drawer,
  Modal,
  Notification,
  PasswordInput,
  type CSSVariablesResolver,
  type MantineThemeOverride,
} from '@mantine/core';
import {
  BRAND_SHADE,
  brandPalette,
  DIMMED_TEXT,
  READABLE_TEXT_SHADES,
  TEXT_LUMINANCE_THRESHOLD,
} from './themePalette';
import readable from './a11y/readable.module.css';

/** Winkelpost's own green, until the brand of this build is known. */
export const DEFAULT_BRAND_COLOUR = '#1f7a5a';

/** Names of Mantine's icon-only buttons, in the UI language (common.json "iconButtons"). */
export interface IconButtonLabels {
  /** The × of every dialog and notice ("Sluiten"). */
  close: string;
  /** The pipette of every colour field ("Kleur van het scherm nemen"). */
  eyeDropper: string;
  /** The eye of every password field ("Wachtwoord tonen"). */
  showPassword: string;
}

const DUTCH_LABELS: IconButtonLabels = {
  close: 'Sluiten',
  eyeDropper: 'Kleur van het scherm nemen',
  showPassword: 'Wachtwoord tonen',
};

/**
 * The theme for the brand chosen at build time: its colour is the primary colour. `labels` name
 * the icon-only buttons Mantine draws itself, so no dialog or colour field has a nameless button.
 */
export function brandTheme(
  primaryColour: string = DEFAULT_BRAND_COLOUR,
  labels: IconButtonLabels = DUTCH_LABELS,
): MantineThemeOverride {
  const closeLabel = labels.close;
  const closeButtonProps = { 'aria-label': closeLabel };
  return createTheme({
    primaryColor: 'brand',
    primaryShade: BRAND_SHADE,
    colors: {
      brand: brandPalette(primaryColour),
      green: readableShades('green'),
      yellow: readableShades('yellow'),
      orange: readableShades('orange'),
    },
    // Dark text on a light brand colour, white on a dark one.
    autoContrast: true,
    luminanceThreshold: TEXT_LUMINANCE_THRESHOLD,
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps },
        classNames: { description: readable.notificationDescription },
      }),
      ColorInput: ColorInput.extend({
        defaultProps: { eyeDropperButtonProps: { 'aria-label': labels.eyeDropper } },
      }),
      // Mantine leaves the eye out of the Tab order; a keyboard user needs it as much.
      PasswordInput: PasswordInput.extend({
        defaultProps: {
          visibilityToggleFocusable: true,
          visibilityToggleButtonProps: { 'aria-label': labels.showPassword },
        },
      }),
      Alert: Alert.extend({
        defaultProps: { closeButtonLabel: closeLabel },
        classNames: { message: readable.alertMessage },
      }),
    },
  });
}

/** Mantine's colour with its darkest two shades readable as text (themePalette.ts). */
function readableShades(name: keyof typeof READABLE_TEXT_SHADES) {
  const own = DEFAULT_THEME.colors[name];
  return [...own.slice(0, 8), ...READABLE_TEXT_SHADES[name]] as unknown as typeof own;
}

/**
 * Mantine's secondary ("dimmed") text and placeholders are gray 6 and 5 (3.3:1 and 2.1:1 on
 * white); WCAG AA asks 4.5:1 for text (the file chooser shows its placeholder as its text).
 */
export const readableCssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': DIMMED_TEXT,
    '--mantine-color-placeholder': DIMMED_TEXT,
  },
  dark: {},
});

export const theme = brandTheme();
