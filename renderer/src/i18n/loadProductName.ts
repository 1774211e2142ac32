import { api } from '../api';
import { i18n } from '.';
import { setProductName } from './productName';

/**
 * Asks the main side for the brand of this build and makes its product name the {{product}} of
 * every text and the page title. Called before the first render, so no text shows another name.
 */
export async function loadProductName(): Promise<void> {
  try {
    const { productName } = await Promise.race([
      api.call('desktop.branding.get', {}),
      // A main side that never answers must not leave the window blank.
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
    ]);
    setProductName(i18n, productName);
    document.title = productName;
  } catch {
    // Unreachable main side: the texts keep the default name and the shell shows the error.
  }
}
