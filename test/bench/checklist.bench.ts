import { loadavg } from 'node:os';
import { computeChecklist } from '../../electron/services/checklist/checklist';
import {
  fakeResolver,
  importAndAttach,
  recipientAddress,
  seedMailing,
} from '../integration/sending/seed';
import { startTestApp } from '../helpers/testApp';
import { GOALS, judge } from './report';
import { median } from './median';

const CONTACTS = 100_000;
const EXTRA_CONTACTS = 1_000;
const ROUNDS = 5;

/** CPU milliseconds of one call (the machine is shared, so wall time says little). */
async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Two answers over a mailing of 100,000 contacts, CPU time, median of five rounds:
 * - checklist.get (step 6) stages its recipients in SQL afresh on every call and keeps nothing, so
 *   a call after a suppression, after a second selection (1,000 contacts, half of them already in
 *   the first) is attached or detached, and a call with nothing changed all take the same path:
 *   one figure over all of them, judged against the goal (≤ 200 ms after a change). Its baseline,
 *   in the same rounds, is the same checklist resolving every recipient in memory (its way before
 *   staging).
 * - mailings.recipients (step 3) keeps its answer per mailing until a write could change it:
 *   uncached (the first call after a suppression or an attach/detach) and cached (called again).
 */
export default async function checklistBench(): Promise<Record<string, number>> {
  const resolver = fakeResolver();
  const t = await startTestApp({ sending: { resolver } });
  try {
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: CONTACTS });
    const lines = ['email;naam;voornaam'];
    for (let i = 0; i < EXTRA_CONTACTS; i += 1) {
      const address = i % 2 === 0 ? recipientAddress(i) : `nieuw${i}@example.nl`;
      lines.push(`${address};Extra ${i};Extra`);
    }
    const extra = await importAndAttach(t, mailingId, lines);
    const sqlite = t.app.context.database.sqlite;
    // The statements setMailingSelections runs, without its own summary (which would fill step
    // 3's kept answer and leave its next call nothing to do).
    const attach = sqlite.prepare(
      'insert into mailing_selections (mailing_id, selection_id) values (?, ?)',
    );
    const detach = sqlite.prepare(
      'delete from mailing_selections where mailing_id = ? and selection_id = ?',
    );
    let attached = true;
    const toggleExtra = () => {
      (attached ? detach : attach).run(mailingId, extra.selectionId);
      attached = !attached;
    };
    let suppressed = 0;
    const suppressOne = () => {
      suppressed += 1;
      t.app.context.suppression.suppress(
        recipientAddress(CONTACTS - suppressed),
        'manual',
        'bench',
      );
    };

    const deps = { resolver: () => resolver, credits: () => null };
    const inMemory = () => computeChecklist(t.app.context, mailingId, deps);
    const checklist = () => t.call('checklist.get', { mailingId });
    const recipients = () => t.call('mailings.recipients', { id: mailingId });
    // Warm up (JIT, page cache, DNS cache): the first call after the app starts.
    const coldCpuMs = await cpuMs(checklist);
    await inMemory();
    const first = await checklist();
    if (first.recipients !== CONTACTS + EXTRA_CONTACTS / 2)
      throw new Error(
        `expected ${CONTACTS + EXTRA_CONTACTS / 2} recipients, got ${first.recipients}`,
      );
    await recipients();

    const inMemoryMs: number[] = [];
    const checklistMs: number[] = [];
    const uncachedMs: number[] = [];
    const cachedMs: number[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      suppressOne();
      inMemoryMs.push(await cpuMs(inMemory));
      suppressOne();
      checklistMs.push(await cpuMs(checklist));
      checklistMs.push(await cpuMs(checklist));
      uncachedMs.push(await cpuMs(recipients));
      cachedMs.push(await cpuMs(recipients));
      toggleExtra();
      checklistMs.push(await cpuMs(checklist));
      uncachedMs.push(await cpuMs(recipients));
      cachedMs.push(await cpuMs(recipients));
    }
    // The answers agree with the in-memory resolve after all those changes.
    const [fresh, staged, kept] = [await inMemory(), await checklist(), await recipients()];
    if (fresh.recipients !== staged.recipients || fresh.recipients !== kept.recipientCount)
      throw new Error(
        `checklist.get counts ${staged.recipients}, mailings.recipients ${kept.recipientCount}, ` +
          `the in-memory resolve ${fresh.recipients}`,
      );

    const base = median(inMemoryMs);
    const checklistGet = median(checklistMs);
    const uncached = median(uncachedMs);
    const cached = median(cachedMs);
    const goal = GOALS.checklistAfterChangeMs;
    judge(
      'checklist.get (staged afresh on every call)',
      checklistGet,
      goal,
      `in-memory baseline ${Math.round(base)} ms`,
    );
    return {
      contacts: CONTACTS,
      goalMs: goal.atMost,
      checklistGetCpuMs: Math.round(checklistGet),
      inMemoryBaselineCpuMs: Math.round(base),
      checklistGetToInMemory: Math.round((checklistGet / base) * 1000) / 1000,
      firstChecklistGetAfterStartCpuMs: Math.round(coldCpuMs),
      recipientsUncachedCpuMs: Math.round(uncached),
      recipientsCachedCpuMs: round1(cached),
      recipientsCachedToUncached: Math.round((cached / uncached) * 1000) / 1000,
      loadAverage1m: round1(loadavg()[0]!),
    };
  } finally {
    await t.close();
  }
}
