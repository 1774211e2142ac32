import { api } from '../api';
import { i18n } from '.';
import { setProductName } from './productName';

/**
 * Asks the main side for the brand of this build and makes its product name the {{product}} of
 * every text and the page title. Called before the first render, so no text shows another name.
 */
export async function loadProductName(): Promise<void> {
  try {
    const { productName } = await api.call('desktop.branding.get', {});
    setProductName(i18n, productName);
    document.title = productName;
  } catch {
    // Unreachable main side: the texts keep the default name and the shell shows the error.
  }
}
