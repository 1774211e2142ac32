import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_CONNECTIONS } from '../../electron/services/sending/transport';
import { cutDataProbe } from './cutDataProbe';
import { runKillScenario } from './killScenario';
import { postfixUnavailable, startPostfix, type PostfixInstance } from './postfixInstance';
import { verdicts } from './verdicts';

const unavailable = postfixUnavailable();
if (unavailable) console.warn(`Real-MTA tests skipped: ${unavailable}`);
const title = (what: string) => (unavailable ? `${what} (skipped: ${unavailable})` : what);

/**
 * Issue 17's promise against a real Postfix on loopback (a private instance; needs root and the
 * postfix package), smaller and faster than `test/realMta/postfixKill.ts`, which runs the
 * issue's 3,000 recipients at 40 a second with ten kills.
 */
describe.skipIf(unavailable)('exactly once against a real Postfix', () => {
  let postfix: PostfixInstance | undefined;
  afterEach(() => {
    postfix?.stop();
    postfix = undefined;
  });

  it(
    title(
      'killed three times mid-send: no one mailed twice, uncertain ≤ connections per kill, credits = accepted',
    ),
    async () => {
      postfix = await startPostfix();
      const run = await runKillScenario({
        postfix,
        recipients: 400,
        perSecond: 50,
        moments: ['envelopeBegun', 'justAccepted', 'random'],
        settleMs: [300, 1500],
        finishTimeoutMs: 60_000,
      });
      expect(run.kills.length).toBeGreaterThan(0);
      expect(verdicts(run, DEFAULT_MAX_CONNECTIONS), JSON.stringify(run)).toMatchObject({
        holds: true,
      });
      expect(run.sentJobs + run.uncertain).toBe(400);
    },
  );

  it(
    title('killed while a slow Postfix holds the messages: only those on the wire are uncertain'),
    async () => {
      const running = (postfix = await startPostfix());
      // Each final dot is answered a second late, so claims would run ahead of the connections.
      running.configure({ smtpd_end_of_data_restrictions: 'sleep 1' });
      const run = await runKillScenario({
        postfix: running,
        recipients: 40,
        perSecond: 50,
        moments: ['justAccepted'],
        settleMs: [0, 0],
        afterKill: () => running.configure({ smtpd_end_of_data_restrictions: '' }),
        finishTimeoutMs: 60_000,
      });
      expect(run.kills[0]!.markedOnTheWire).toBeGreaterThan(0);
      expect(verdicts(run, DEFAULT_MAX_CONNECTIONS), JSON.stringify(run)).toMatchObject({
        holds: true,
      });
      // Postfix received their final dot and delivers them although the sender died before the
      // 250: "Opnieuw proberen" would mail these customers twice, which the Versturen page says.
      expect(run.uncertainDeliveredByPostfix).toBeGreaterThan(0);
    },
  );

  it(title('a message cut before its final dot is never delivered'), async () => {
    postfix = await startPostfix();
    const probe = await cutDataProbe(postfix);
    expect(probe.cleanupSawDataBegin).toBe(true);
    expect(probe.postfixSaid).toMatch(/^lost connection after DATA \(\d+ bytes\)/);
    expect(probe.delivered).toBe(false);
  });
});
