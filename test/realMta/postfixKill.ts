/**
 * Issue 17's scenario against a real Postfix on loopback: a send of 3,000 at 40 mails a second,
 * the sending process killed (SIGKILL) ten times at varied moments and restarted, then left to
 * finish by itself; then one kill with Postfix made slow; then a sender cut off mid-DATA.
 * Needs root and Postfix (apt-get install postfix); starts and stops a private instance.
 *   npx tsx test/realMta/postfixKill.ts
 * POSTFIX_KILL_RECIPIENTS, POSTFIX_KILL_RATE, POSTFIX_KILL_KILLS change the first part.
 */
import { DEFAULT_MAX_CONNECTIONS } from '../../electron/services/sending/transport';
import { cutDataProbe } from './cutDataProbe';
import { runKillScenario, type KillMoment } from './killScenario';
import { postfixUnavailable, startPostfix } from './postfixInstance';
import { verdicts } from './verdicts';

const RECIPIENTS = Number(process.env.POSTFIX_KILL_RECIPIENTS ?? 3000);
const PER_SECOND = Number(process.env.POSTFIX_KILL_RATE ?? 40);
const KILLS = Number(process.env.POSTFIX_KILL_KILLS ?? 10);
const MOMENTS: KillMoment[] = [
  'envelopeBegun',
  'justAccepted',
  'dataUnderWay',
  'maildirGrew',
  'random',
];
/** Postfix's answer to each final dot comes a second late: 3 connections carry 3 mails a second. */
const SLOW = { smtpd_end_of_data_restrictions: 'sleep 1' };

const unavailable = postfixUnavailable();
if (unavailable) {
  console.log(`skipped: ${unavailable}`);
  process.exit(0);
}

const results: Record<string, unknown> = {};
/** Each part is printed as it ends, so a later failure does not lose it. */
function report(part: string, result: unknown): void {
  results[part] = result;
  console.error(`${part}: ${JSON.stringify(result)}`);
}
let postfix = await startPostfix();
try {
  const many = await runKillScenario({
    postfix,
    recipients: RECIPIENTS,
    perSecond: PER_SECOND,
    moments: Array.from({ length: KILLS }, (_, i) => MOMENTS[i % MOMENTS.length]!),
  });
  report('tenKills', { ...many, verdicts: verdicts(many, DEFAULT_MAX_CONNECTIONS) });
  report('cutMidData', await cutDataProbe(postfix));
} finally {
  postfix.stop();
}
postfix = await startPostfix();
try {
  postfix.configure(SLOW);
  const slow = await runKillScenario({
    postfix,
    recipients: 200,
    perSecond: PER_SECOND,
    moments: ['justAccepted'],
    afterKill: () => postfix.configure({ smtpd_end_of_data_restrictions: '' }),
  });
  report('slowServerOneKill', { ...slow, verdicts: verdicts(slow, DEFAULT_MAX_CONNECTIONS) });
} finally {
  postfix.stop();
}
console.log(JSON.stringify(results, null, 2));
const failed = Object.values(results).some(
  (r) => (r as { verdicts?: { holds: boolean } }).verdicts?.holds === false,
);
const cut = results.cutMidData as { delivered: boolean } | undefined;
process.exit(failed || cut?.delivered ? 1 : 0);
