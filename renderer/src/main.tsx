import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DataProvider } from './data/DataProvider';
import { initI18n } from './i18n';
import { loadProductName } from './i18n/loadProductName';
import { BrandThemeProvider } from './themeProvider';

// The server puts a fresh nonce in a meta tag; Mantine's one <style> tag needs it under our CSP.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
// Libraries under Mantine's modals (react-remove-scroll via get-nonce) read the nonce from here.
(window as unknown as { __webpack_nonce__: string }).__webpack_nonce__ = nonce;

initI18n();

// Texts say {{product}}: render once the brand's product name is known (or known to be missing).
void loadProductName().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrandThemeProvider nonce={nonce}>
        <Notifications position="top-right" />
        <DataProvider>
          <App />
        </DataProvider>
      </BrandThemeProvider>
    </StrictMode>,
  );
});
