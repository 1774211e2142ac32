import type { TFunction } from 'i18next';
import { ApiError } from '../../api';
import { errorMessage } from '../../components/fieldErrors';

/**
 * The most specific message for a failed call: the main side's own key when it sent one
 * ("Dit bestand is geen afbeelding…"), even for refused input, else the general message.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.key) return t(error.key, error.params ?? {});
  return errorMessage(error, t);
}
