import type { TFunction } from 'i18next';
import { ApiError } from '../../api';

/** The message of a failed call in the user's language. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.key) return t(error.key, error.params ?? {});
  return t('common:errors.internal');
}
