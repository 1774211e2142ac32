import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import { fakeResolver, linkTracker, setUpShop } from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

let t: TestApp | undefined;
let sink: SmtpSink | undefined;
let tracker: RunningTracker | undefined;
afterEach(async () => {
  await t?.close();
  await sink?.close();
  await tracker?.close();
  t = sink = tracker = undefined;
});

async function voorbeeldCopy(app: TestApp, senderId: string): Promise<string> {
  const template = (await app.call('mailings.list', { status: 'open' })).find(
    (m) => m.templateKey === 'voorbeeld-nieuwsbrief',
  )!;
  const copy = await app.call('mailings.create', { type: 'newsletter', fromId: template.id });
  await app.call('mailings.update', { id: copy.id, patch: { from: senderId } });
  return copy.id;
}

describe('a test mail', () => {
  it('goes out as the real one (tracked links, web version, hosted images), and its clicks never count', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 10 });
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    await linkTracker(t, tracker);
    const mailingId = await voorbeeldCopy(t, await setUpShop(t, { smtpPort: sink.port }));

    const result = await t.call('send.test', { mailingId, to: ['eigenaar@bakkerij.nl'] });
    expect(result.results).toMatchObject([{ ok: true }]);
    expect(result.differences).toEqual([]);
    const raw = sink.received[0]!.raw;
    expect(raw.toString('latin1')).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    const mail = await simpleParser(raw);
    const html = typeof mail.html === 'string' ? mail.html : '';
    expect(mail.attachments).toEqual([]);
    expect(html).toContain(`src="${tracker.url}/a/`);
    const web = new RegExp(`href="(${tracker.url}/w/[^"]+)"`).exec(html)?.[1];
    expect((await fetch(web!)).status).toBe(200);
    const click = new RegExp(`href="(${tracker.url}/c/[^"]+)"`).exec(html)?.[1];
    const answer = await fetch(click!, { redirect: 'manual' });
    expect(answer.status).toBe(302);

    await t.call('sync.now', {});
    const counted = t.app.context.database.sqlite
      .prepare('select count(*) as n from events where mailing_id = ?')
      .get(mailingId) as { n: number };
    expect(counted.n).toBe(0);
  });

  it('without a linked account says what differs from the real mail', async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const mailingId = await voorbeeldCopy(t, await setUpShop(t, { smtpPort: sink.port }));
    const result = await t.call('send.test', { mailingId, to: ['eigenaar@bakkerij.nl'] });
    expect(result.differences).toEqual([
      'sending:test.differences.untracked',
      'sending:test.differences.imagesInline',
    ]);
  });
});
