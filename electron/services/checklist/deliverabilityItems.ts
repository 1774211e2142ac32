import type { AppContext } from '../core/appContext';
import type { ChecklistItemT } from '../../contract/checklist';
import { BounceSettingsStore } from '../bounces/bounceSettings';
import type { CompileImage } from '../render';
import { readTrackingConfig } from '../tracking/trackingConfig';
import { fixes, item } from './items';

/** For a test tracker on another machine of the shop's network: plain http allowed there too. */
export const ALLOW_HTTP_TRACKER_ENV = 'WINKELPOST_ALLOW_HTTP_TRACKER';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The tracker address every link, the pixel and the one-click unsubscribe point at must be https:
 * receivers distrust one-click over http, and the links would travel readable. A tracker on this
 * machine (a trial or a test) cannot be reached by customers anyway, so it may stay http.
 */
export function trackerAddressItem(
  context: Pick<AppContext, 'kv' | 'cipher'>,
  env: NodeJS.ProcessEnv = process.env,
): ChecklistItemT | null {
  const tracking = readTrackingConfig(context.kv, context.cipher);
  if (!tracking) return null;
  const url = URL.canParse(tracking.baseUrl) ? new URL(tracking.baseUrl) : null;
  const address = tracking.baseUrl;
  if (url?.protocol === 'https:')
    return item(
      'trackerAddress',
      'ok',
      'Tracker on https',
      'sending:checklist.trackerAddress.ok',
      fixes.accountSection('link'),
      { address },
    );
  const optedOut =
    url !== null && (LOOPBACK.has(url.hostname) || env[ALLOW_HTTP_TRACKER_ENV] === '1');
  return optedOut
    ? item(
        'trackerAddress',
        'warn',
        'Tracker on plain http (allowed here)',
        'sending:checklist.trackerAddress.httpAllowed',
        fixes.accountSection('link'),
        { address },
      )
    : item(
        'trackerAddress',
        'fail',
        'Tracker address is not https',
        'sending:checklist.trackerAddress.http',
        fixes.accountSection('link'),
        { address },
      );
}

/** Whether unsubscribe requests by mail reach the app (a bounce mailbox with plus-addressing). */
export function unsubscribeMailItem(context: Pick<AppContext, 'kv' | 'cipher'>): ChecklistItemT {
  const bounces = new BounceSettingsStore(context.kv, context.cipher).read();
  return bounces.enabled && bounces.address !== '' && bounces.useVerp
    ? item(
        'unsubscribeMail',
        'ok',
        'Unsubscribe requests by mail are processed',
        'sending:checklist.unsubscribeMail.ok',
        fixes.accountSection('bouncebox'),
        { address: bounces.address },
      )
    : item(
        'unsubscribeMail',
        'warn',
        'Unsubscribe requests by mail cannot be processed',
        'sending:checklist.unsubscribeMail.notRead',
        fixes.accountSection('bouncebox'),
      );
}

/**
 * Where the tracker will host each image once uploaded (assets are addressed by their sha256), so
 * the checklist measures the mail as sent without uploading anything.
 */
export function predictedHostedImages(context: Pick<AppContext, 'kv' | 'cipher'>): {
  hostedImageUrl?: (image: CompileImage) => string;
} {
  const tracking = readTrackingConfig(context.kv, context.cipher);
  if (!tracking) return {};
  return { hostedImageUrl: (image) => `${tracking.baseUrl}/a/${image.sha256}` };
}
