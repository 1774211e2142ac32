/**
 * Updates come from the reseller's server named in the branding (https only). A downloaded update
 * is offered with a question, never while a send runs: restarting would interrupt it.
 */
export function updateFeedUrl(updateUrl: string | undefined): string | null {
  if (!updateUrl) return null;
  try {
    const url = new URL(updateUrl);
    return url.protocol === 'https:' && url.username === '' && url.password === ''
      ? url.href
      : null;
  } catch {
    return null;
  }
}

/** When an update is ready: ask now, or wait until no send runs (then ask). */
export function updateReadyDecision(input: {
  sendRunning: boolean;
  asked: boolean;
}): 'ask' | 'wait' | 'none' {
  if (input.asked) return 'none';
  return input.sendRunning ? 'wait' : 'ask';
}

/** The restart happens only with the user's yes, and is checked again at that moment. */
export function mayRestartForUpdate(input: {
  userAccepted: boolean;
  sendRunning: boolean;
}): boolean {
  return input.userAccepted && !input.sendRunning;
}

/** Packaged builds with a feed check on start and every few hours; development builds never. */
export function shouldCheckForUpdates(input: {
  packaged: boolean;
  feedUrl: string | null;
  env: NodeJS.ProcessEnv;
}): boolean {
  return input.packaged && input.feedUrl !== null && input.env.WINKELPOST_NO_UPDATES !== '1';
}
