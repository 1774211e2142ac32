import type { z } from 'zod';
import { DomainError, ERROR_CODES } from '../../contract';
import type { AgreementsState } from '../../contract/desktop';
import type { KeyValueStore } from '../core/kvStore';

/**
 * The version of the texts in resources/agreements. Raise it when a text changes: everybody is
 * then asked to accept again. AGREEMENTS_FINGERPRINT (the start of a sha256 over the six files,
 * see test/unit/desktop/agreementTexts.test.ts) makes a test fail when a text changes without a
 * new version, so a changed agreement can never count as accepted.
 */
export const AGREEMENTS_VERSION = '2026-11-21';
export const AGREEMENTS_FINGERPRINT = '1e434ba00f0748cc';
const KEY = 'desktop.agreements';

interface Accepted {
  version: string;
  acceptedAt: number;
}

export function agreementsState(kv: KeyValueStore): z.infer<typeof AgreementsState> {
  const accepted = kv.get<Accepted>(KEY);
  return {
    version: AGREEMENTS_VERSION,
    acceptedVersion: accepted?.version ?? null,
    acceptedAt: accepted?.acceptedAt ?? null,
    mustAccept: accepted?.version !== AGREEMENTS_VERSION,
  };
}

/** Accepting records which texts were accepted and when (kept in the database, so backed up). */
export function acceptAgreements(
  kv: KeyValueStore,
  version: string,
  now: number,
): z.infer<typeof AgreementsState> {
  if (version !== AGREEMENTS_VERSION) {
    throw new DomainError(
      ERROR_CODES.conflict,
      'These agreements have been replaced by a newer version',
      'desktop:errors.agreementsOutdated',
    );
  }
  kv.set(KEY, { version, acceptedAt: now } satisfies Accepted);
  return agreementsState(kv);
}

/**
 * Sending, test mails and scheduling act in the shop's name under these agreements, so the main side
 * refuses them until the current version is accepted (the renderer's own check can be bypassed).
 */
export function assertAgreementsAccepted(kv: KeyValueStore): void {
  if (!agreementsState(kv).mustAccept) return;
  throw new DomainError(
    ERROR_CODES.forbidden,
    'Accept the current agreements before sending, testing or scheduling',
    'desktop:errors.agreementsRequired',
  );
}
