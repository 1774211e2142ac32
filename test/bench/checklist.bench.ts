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

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * checklist.get for a mailing of 100,000 contacts right after a change, so no cached answer can
 * serve it: (a) an address added to the suppression list, (b) a second selection (1,000 contacts,
 * half of them already in the first) attached or detached again. The baseline, measured in the same
 * rounds, is the same checklist counting every recipient afresh (what every call cost before the
 * counts were kept). CPU time, median of five rounds. Goal: ≤ 200 ms after a change.
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
    // The statements setMailingSelections runs, without its own summary (which would fill the
    // cache and leave checklist.get nothing to do).
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
    const baseline = () => computeChecklist(t.app.context, mailingId, deps);
    const viaChannel = () => t.call('checklist.get', { mailingId });
    // Warm up (JIT, page cache, DNS cache, the contacts kept in memory): the first call after the
    // app starts reads every contact once, as the baseline does on every call.
    const coldCpuMs = await cpuMs(viaChannel);
    await baseline();
    const first = await viaChannel();
    if (first.recipients !== CONTACTS + EXTRA_CONTACTS / 2)
      throw new Error(
        `expected ${CONTACTS + EXTRA_CONTACTS / 2} recipients, got ${first.recipients}`,
      );

    const baselineMs: number[] = [];
    const cachedMs: number[] = [];
    const afterSuppressionMs: number[] = [];
    const afterAttachMs: number[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      suppressOne();
      baselineMs.push(await cpuMs(baseline));
      suppressOne();
      afterSuppressionMs.push(await cpuMs(viaChannel));
      cachedMs.push(await cpuMs(viaChannel));
      toggleExtra();
      afterAttachMs.push(await cpuMs(viaChannel));
    }
    // The answers agree with the full recount after all those changes.
    const [fresh, kept] = [await baseline(), await viaChannel()];
    if (fresh.recipients !== kept.recipients)
      throw new Error(`kept counts ${kept.recipients}, a full recount ${fresh.recipients}`);

    const base = median(baselineMs);
    const afterSuppression = median(afterSuppressionMs);
    const afterAttach = median(afterAttachMs);
    const goal = GOALS.checklistAfterChangeMs;
    judge(
      'checklist.get after a suppression',
      afterSuppression,
      goal,
      `baseline ${Math.round(base)} ms`,
    );
    judge(
      'checklist.get after attach/detach',
      afterAttach,
      goal,
      `baseline ${Math.round(base)} ms`,
    );
    return {
      contacts: CONTACTS,
      goalMs: goal.atMost,
      baselineFullRecountCpuMs: Math.round(base),
      afterSuppressionCpuMs: Math.round(afterSuppression),
      afterAttachOrDetachCpuMs: Math.round(afterAttach),
      cachedCpuMs: round1(median(cachedMs)),
      firstCallAfterStartCpuMs: Math.round(coldCpuMs),
      afterSuppressionToBaseline: Math.round((afterSuppression / base) * 1000) / 1000,
      afterAttachToBaseline: Math.round((afterAttach / base) * 1000) / 1000,
      loadAverage1m: round1(loadavg()[0]!),
    };
  } finally {
    await t.close();
  }
}
