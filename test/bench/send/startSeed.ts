/**
 * The send-start bench's seeding, in a process of its own so the measured process's peak memory
 * holds none of it: a shop, a linked tracker account and a mailing to `recipients` customers
 * (imported as the shop imports them). Answers the mailing's id over IPC.
 */
import type { RunningTracker } from '../../integration/sync/trackerFixture';
import { linkTracker, seedMailing } from '../../integration/sending/seed';
import { openBenchApp, startBenchConfig } from './startShared';

const config = startBenchConfig();
const t = await openBenchApp(config);
await linkTracker(t, { url: config.trackerUrl } as RunningTracker);
const { mailingId } = await seedMailing(t, { smtpPort: config.smtpPort, count: config.recipients });
await t.close();
process.send!({ type: 'seeded', mailingId }, () => process.exit(0));
