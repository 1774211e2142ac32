import { createApp, type App } from '../../electron/app';
import { RENDERER_DIST } from '../../electron/paths';
import { startServer, type RunningServer } from '../../electron/server/server';
import { signIn } from '../helpers/browserSession';
import {
  childAppOptions,
  crashRig,
  exited,
  prepareScheduledSend,
  readDatabase,
  startChild,
} from '../integration/sending/queueProcess';
import { startSmtpSink } from '../integration/sending/smtpSink';
import { startTracker } from '../integration/sync/trackerFixture';
import { expect, test } from './fixtures';

test.afterEach(async ({ context }) => {
  await context.close();
});

/**
 * Issue 17 as the shopkeeper meets it: the app's sending process was killed while mails were on
 * their way. After the restart Versturen lists those customers, says a retry may mail them twice,
 * and "Niet verstuurd" settles them.
 */
test('after a crash mid-send: the uncertain mails are listed with name and time, "Niet verstuurd" clears them', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const rig = crashRig();
  let app: App | undefined;
  let server: RunningServer | undefined;
  try {
    rig.sink = await startSmtpSink({ replyDelayMs: 150 });
    rig.tracker = await startTracker({ credits: 100 });
    const { sendId } = await prepareScheduledSend(rig.dir.path, {
      smtpPort: rig.sink.port,
      tracker: rig.tracker,
      count: 6,
      perSecond: 50,
    });

    // The real sending process starts the due send and is killed once the server has a whole
    // message but before it answers: that mail (and any other on the wire) is uncertain.
    const child = await startChild(rig.dir.path);
    rig.child = child;
    const killed = new Promise<void>((resolve) => {
      rig.sink!.behaviour = {
        replyDelayMs: 150,
        onMessage: () => {
          child.kill('SIGKILL');
          resolve();
          return undefined;
        },
      };
    });
    await Promise.race([
      killed,
      exited(child).then(() => {
        throw new Error('the sending process ended before it was killed');
      }),
    ]);
    await exited(child);
    rig.child = undefined;
    rig.sink.behaviour = {};

    // The app opens the same data folder again, in browser mode; the send finishes the rest.
    app = await createApp(childAppOptions(rig.dir.path));
    server = await startServer({ app, port: 0, rendererDir: RENDERER_DIST });
    await signIn(context, server);
    const uncertain = () =>
      readDatabase(
        rig.dir.path,
        (db) =>
          db
            .prepare(
              `select email, json_extract(data, '$.naam') as name from send_jobs
               where send_id = ? and state = 'uncertain' order by id`,
            )
            .all(sendId) as { email: string; name: string }[],
      );

    await page.goto(`${server.url}/#/versturen`);
    const progress = page.getByTestId('send-progress');
    await expect(progress).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    const jobs = uncertain();
    expect(jobs.length).toBeGreaterThan(0);

    const box = page.getByTestId('uncertain');
    await expect(box).toContainText(
      'Opnieuw proberen kan deze paar klanten de mail twee keer geven.',
    );
    const rows = box.getByTestId('uncertain-list').locator('tbody tr');
    await expect(rows).toHaveCount(jobs.length);
    for (const [i, job] of jobs.entries()) {
      const cells = rows.nth(i).locator('td');
      await expect(cells.nth(0)).toHaveText(job.name);
      await expect(cells.nth(1)).toHaveText(job.email);
      // The time it went on its way, as a Dutch date and time ("6 dec 2026, 20:41:07").
      await expect(cells.nth(2)).toHaveText(/^\d{1,2} \w{3,4}\.? \d{4}(,| om) \d{2}:\d{2}:\d{2}$/);
    }

    await box.getByRole('button', { name: 'Niet verstuurd' }).click();
    await expect(box).toHaveCount(0);
    expect(uncertain()).toEqual([]);
    // Nothing was mailed again.
    await expect(progress).toHaveAttribute('data-state', 'finished');
  } finally {
    await server?.close();
    await app?.close();
    await rig.cleanUp();
  }
});
