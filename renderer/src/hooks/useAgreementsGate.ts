import { useEffect, useState } from 'react';
import { api } from '../api';
import { navigate } from '../router';

const AGREEMENTS_PATH = '/overeenkomsten';
/** Pages a shop may read before accepting: the agreements themselves and the manual. */
const OPEN_PATHS = [AGREEMENTS_PATH, '/handleiding'];

function isOpen(path: string): boolean {
  const bare = path.split('?')[0]!;
  return OPEN_PATHS.some((open) => bare === open || bare.startsWith(`${open}/`));
}

/**
 * The page a shop asked for before accepting (`?na=/account`), if it is one of the app's own
 * routes: the agreements page says why it came there and goes on to it after "Akkoord".
 */
export function askedPath(path: string): string | null {
  const asked = new URLSearchParams(path.split('?')[1] ?? '').get('na');
  return asked !== null && asked.startsWith('/') && !asked.startsWith('//') && !isOpen(asked)
    ? asked
    : null;
}

/**
 * On the first start (or after the texts changed) every page leads to the agreements until they
 * are accepted. The state is asked afresh on each navigation until it is accepted, so accepting
 * lets the shop through at once.
 */
export function useAgreementsGate(path: string): void {
  const [accepted, setAccepted] = useState(false);
  // Hand-written on purpose, not a query: it redirects, and asks afresh on each page until accepted.
  useEffect(() => {
    if (accepted) return;
    let cancelled = false;
    api
      .call('desktop.agreements.get', {})
      .then((state) => {
        if (cancelled) return;
        if (!state.mustAccept) setAccepted(true);
        else if (!isOpen(path))
          navigate(
            path === '/' ? AGREEMENTS_PATH : `${AGREEMENTS_PATH}?na=${encodeURIComponent(path)}`,
          );
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [path, accepted]);
}
