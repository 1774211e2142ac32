import { DomainError } from '../../contract';
import { TrackerError } from '../../../tracker/client';

/** The i18n key for a failed tracker call, for the sync state and the pages. */
export function trackerErrorKey(error: unknown): string {
  if (!(error instanceof TrackerError)) return 'accountLink:errors.syncFailed';
  switch (error.code) {
    case 'network':
      return 'accountLink:errors.offline';
    case 'unauthorized':
      return 'accountLink:errors.sessionExpired';
    case 'rate_limited':
      return 'accountLink:errors.rateLimited';
    default:
      return 'accountLink:errors.syncFailed';
  }
}

/**
 * Turns a tracker failure at login into a message the shopkeeper understands. The lockout text is
 * the tracker's own (it knows how long and whom to contact), in the user's language.
 */
export function loginError(error: unknown, language: 'nl' | 'en'): DomainError {
  if (!(error instanceof TrackerError)) {
    return new DomainError('internal', 'Login failed', 'common:errors.internal');
  }
  switch (error.code) {
    case 'wrong_password':
      return new DomainError(
        'wrong_password',
        'User name or password is incorrect',
        'accountLink:errors.wrongPassword',
      );
    case 'locked':
    case 'rate_limited': {
      const message = (language === 'nl' ? error.details.messageNl : undefined) ?? error.message;
      return new DomainError(error.code, error.message, 'accountLink:errors.locked', {
        message,
        seconds: error.retryAfter ?? 0,
      });
    }
    case 'network':
      return new DomainError('unavailable', error.message, 'accountLink:errors.offline');
    case 'invalid_input':
      return new DomainError('invalid_input', error.message, 'accountLink:errors.wrongPassword');
    default:
      return new DomainError('unavailable', error.message, 'accountLink:errors.trackerFailed');
  }
}
