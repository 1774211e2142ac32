import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { unwrap } from '../../electron/contract';
import { linkTracker, seedMailing } from '../integration/sending/seed';
import type { RunningTracker } from '../integration/sync/trackerFixture';
import type { AppFixture } from './fixtures';
import { fixtureTestApp } from './fixtureTestApp';
import { expect } from './fixtures';

/** WCAG 2.x A and AA rules (2.2 included) plus axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const BLOCKING = new Set(['critical', 'serious']);

/**
 * Runs axe on what the page shows now and returns one line per critical or serious violation
 * ("/account: color-contrast (serious) .mantine-Text-root …"), so a failing run lists them all.
 */
export async function blockingViolations(page: Page, where: string): Promise<string[]> {
  await transitionsDone(page);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
          .join(' | ')}`,
    );
}

/**
 * Waits until what fades in (Mantine's dialogs and overlays) has finished: axe measures the colours
 * as drawn, and half-way through a fade every text looks too pale. A transition starts a frame or
 * two after the dialog mounts, so this looks again over a few frames until nothing finite is
 * running and no dialog is still translucent. Endless animations (a loader) are left running.
 */
async function transitionsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const fading = () =>
      [...document.querySelectorAll('[role="dialog"], .mantine-Modal-overlay')].some(
        (element) => getComputedStyle(element).opacity !== '1',
      );
    for (let look = 0; look < 60; look += 1) {
      await nextFrame();
      await nextFrame();
      const running = document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .filter((a) => a.playState !== 'finished');
      if (running.length === 0 && !fading()) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
}

/** Opens a route in the page already loaded (no reload) and waits until it has its heading. */
export async function openRoute(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, path);
  await expect(page.locator('main [data-page-heading]')).toBeVisible();
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0);
}

export interface SeededShop {
  mailingId: string;
}

/**
 * A shop as the audit saw it: a sender, shop details, a copied VOORBEELD voucher mailing titled
 * "Jouw waardebon" with a selection attached, and the UI in `language`.
 */
export async function seedShop(winkelpost: AppFixture, language: 'nl' | 'en'): Promise<SeededShop> {
  const { handlers } = winkelpost.app;
  unwrap(
    await handlers['settings.update']({
      language,
      senders: [
        { name: 'Bakkerij Jansen', email: 'nieuws@bakkerij.nl', replyTo: 'info@bakkerij.nl' },
      ],
    }),
  );
  const mailing = unwrap(
    await handlers['mailings.create']({ type: 'voucher', fromId: 'template-voorbeeld-waardebon' }),
  ) as { id: string };
  unwrap(
    await handlers['mailings.update']({ id: mailing.id, patch: { subject: 'Jouw waardebon' } }),
  );
  const csv = ['E-mailadres;Naam', 'anna@example.nl;Anna de Vries', 'bert@example.nl;Bert Smit'];
  const imported = unwrap(
    await handlers['selections.import']({
      fileName: 'klanten.csv',
      dataBase64: Buffer.from(csv.join('\n')).toString('base64'),
      description: 'Vaste klanten',
      consent: true,
    }),
  ) as { selectionId: string };
  unwrap(
    await handlers['mailings.setSelections']({
      id: mailing.id,
      selectionIds: [imported.selectionId],
    }),
  );
  return { mailingId: mailing.id };
}

/**
 * Links the shop to `tracker` and adds a mailing that passes the checklist (verified sender, SMTP
 * to the sink on `smtpPort`, three customers, a fresh test mail), so Versturen can be clicked.
 */
export async function seedSendable(
  winkelpost: AppFixture,
  tracker: RunningTracker,
  smtpPort: number,
): Promise<string> {
  const t = fixtureTestApp(winkelpost);
  await linkTracker(t, tracker);
  const { mailingId } = await seedMailing(t, { smtpPort, count: 3 });
  return mailingId;
}
