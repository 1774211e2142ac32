import type { AppContext } from '../core/appContext';
import { CREDITS_KEY, readCredits, type CreditsSnapshot } from '../app/appService';

/** Stores the balance the tracker reported and tells every window (the header follows). */
export function updateCredits(context: AppContext, credits: CreditsSnapshot): void {
  const current = readCredits(context.kv);
  context.kv.set(CREDITS_KEY, { balance: credits.balance, reserved: credits.reserved });
  if (current.balance !== credits.balance || current.reserved !== credits.reserved) {
    context.events.emit('credits.changed', credits);
  }
}
