import type { TFunction } from 'i18next';
import { ApiError } from '../api';

export type FieldErrors = Record<string, string>;

/** Turns an ApiError's field issues into translated messages keyed by field path ("smtp.port"). */
export function toFieldErrors(error: unknown, t: TFunction, prefix = ''): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = prefix ? `${prefix}.${issue.field}` : issue.field;
    result[field] = issue.key ? t(issue.key) : issue.message;
  }
  return result;
}

/** A whole-form message for an error that is not about one field. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_input') return t('common:errors.invalidInput');
    return error.key ? t(error.key, error.params ?? {}) : error.message;
  }
  return t('common:errors.internal');
}

/**
 * The most specific message for a failed call: the main side's own key when it sent one
 * ("Dit bestand is geen afbeelding…"), even for refused input, else the general message.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.key) return t(error.key, error.params ?? {});
  return errorMessage(error, t);
}
