import { DomainError, ERROR_CODES } from '../../contract/envelope';

/** An import refused as a whole: nothing is written, the key says why in the user's language. */
export function importError(
  key: string,
  message: string,
  params?: Record<string, string | number>,
): DomainError {
  return new DomainError(ERROR_CODES.invalidInput, message, `selections:errors.${key}`, params);
}
