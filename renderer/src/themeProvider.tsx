import { MantineProvider } from '@mantine/core';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { brandTheme, readableCssVariables } from './theme';

const SetBrandColour = createContext<(colour: string) => void>(() => undefined);

/**
 * MantineProvider whose primary colour follows the brand. The brand is known only once the main
 * side has answered, so the shell reports it (useBrandColour) and the theme is rebuilt then.
 */
export function BrandThemeProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  const [colour, setColour] = useState<string | undefined>(undefined);
  const { t } = useTranslation();
  const close = t('iconButtons.close');
  const eyeDropper = t('iconButtons.eyeDropper');
  const showPassword = t('iconButtons.showPassword');
  const theme = useMemo(
    () => brandTheme(colour, { close, eyeDropper, showPassword }),
    [colour, close, eyeDropper, showPassword],
  );
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={readableCssVariables}
      getStyleNonce={() => nonce}
    >
      <SetBrandColour.Provider value={setColour}>{children}</SetBrandColour.Provider>
    </MantineProvider>
  );
}

/** Makes `colour` the theme's primary colour (no-op until it is known). */
export function useBrandColour(colour: string | undefined): void {
  const set = useContext(SetBrandColour);
  useEffect(() => {
    if (colour) set(colour);
  }, [colour, set]);
}
