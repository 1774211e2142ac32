import { DomainError } from '../../contract/envelope';

/** The file itself is unusable (not the form): the renderer shows the key's message as it is. */
export const INVALID_FILE = 'invalid_file';

/** An import refused as a whole: nothing is written, the key says why in the user's language. */
export function importError(
  key: string,
  message: string,
  params?: Record<string, string | number>,
): DomainError {
  return new DomainError(INVALID_FILE, message, `selections:errors.${key}`, params);
}
