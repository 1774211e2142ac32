import { computeChecklist } from '../../electron/services/checklist/checklist';
import { fakeResolver, seedMailing } from '../integration/sending/seed';
import { startTestApp } from '../helpers/testApp';

const CONTACTS = 100_000;
const ROUNDS = 5;

/** CPU milliseconds of one call (the machine is shared, so wall time says little). */
async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * checklist.get for a mailing of 100,000 contacts: the handler as the app runs it (recipients
 * cached between calls) against the same checklist resolving the recipients on every call (the
 * baseline, what every call cost before), measured alternately in the same run, CPU time, median
 * of five.
 */
export default async function checklistBench(): Promise<Record<string, number>> {
  const resolver = fakeResolver();
  const t = await startTestApp({ sending: { resolver } });
  try {
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: CONTACTS });
    const deps = { resolver: () => resolver, credits: () => null };
    const uncached = () => computeChecklist(t.app.context, mailingId, deps);
    const cached = () => t.call('checklist.get', { mailingId });
    // Warm up both (JIT, page cache, DNS cache; fills the recipients cache).
    const [a, b] = [await uncached(), await cached()];
    if (a.recipients !== CONTACTS || b.recipients !== CONTACTS)
      throw new Error(`expected ${CONTACTS} recipients, got ${a.recipients} / ${b.recipients}`);
    const baseline: number[] = [];
    const withCache: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      baseline.push(await cpuMs(uncached));
      withCache.push(await cpuMs(cached));
    }
    // One change (a suppressed address) makes the next call resolve again: the cost of a miss.
    t.app.context.suppression.suppress('klant00000@example.nl', 'manual', 'bench');
    const missCpuMs = await cpuMs(cached);
    const baselineCpuMs = median(baseline);
    const cachedCpuMs = median(withCache);
    return {
      contacts: CONTACTS,
      baselineCpuMs: Math.round(baselineCpuMs),
      cachedCpuMs: Math.round(cachedCpuMs * 10) / 10,
      afterChangeCpuMs: Math.round(missCpuMs),
      cachedToBaselineRatio: Math.round((cachedCpuMs / baselineCpuMs) * 1000) / 1000,
    };
  } finally {
    await t.close();
  }
}
