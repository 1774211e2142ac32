/**
 * Tells machine opens and clicks from people: Apple Mail Privacy Protection fetches every pixel on
 * delivery, and link scanners (Microsoft Safe Links, mail gateways) follow every link within seconds.
 * The verdict is stored with the event; the app shows machine opens apart instead of dropping them.
 */
export type MachineReason = 'apple-privacy-proxy' | 'link-scanner' | 'no-user-agent' | 'too-fast';

export interface ClassifyInput {
  userAgent: string | undefined;
  /** The client address as received (before truncation). */
  ip: string | null | undefined;
  nowMs: number;
  /** When the token was signed (ms), if the app put it in. */
  issuedAtMs?: number;
}

/** A person rarely opens or clicks within this many ms of the mail leaving; scanners always do. */
export const DEFAULT_MACHINE_WINDOW_MS = 10_000;

const SCANNER_AGENT =
  /bot\b|bot\/|spider|crawl|preview|scanner|scan\/|safelinks|safe links|barracuda|mimecast|proofpoint|symantec|messagelabs|trend ?micro|sophos|forcepoint|fortinet|cisco|ironport|zscaler|checkpoint|headlesschrome|phantomjs|python-|curl\/|wget|go-http-client|java\/|okhttp|libwww|httpclient|axios|node-fetch|undici|microsoft office existence|ms-office|skypeuripreview|outlook-ios-linkpreview/i;

/** Apple's proxies send a bare "Mozilla/5.0" and come from Apple's 17.0.0.0/8 network. */
const APPLE_PROXY_AGENT = /^Mozilla\/5\.0$/;
const APPLE_NETWORK = /^(::ffff:)?17\.\d+\.\d+\.\d+$/i;

export function classifyRequest(
  input: ClassifyInput,
  windowMs = DEFAULT_MACHINE_WINDOW_MS,
): MachineReason | null {
  const agent = (input.userAgent ?? '').trim();
  if (!agent) return 'no-user-agent';
  if (APPLE_PROXY_AGENT.test(agent) || (input.ip && APPLE_NETWORK.test(input.ip))) {
    return 'apple-privacy-proxy';
  }
  if (SCANNER_AGENT.test(agent)) return 'link-scanner';
  if (input.issuedAtMs !== undefined && input.nowMs - input.issuedAtMs < windowMs)
    return 'too-fast';
  return null;
}
