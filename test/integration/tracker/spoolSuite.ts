import { appendFileSync, mkdirSync, readdirSync, writeSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTracker, type TrackerServer } from '../../../tracker/server';
import { newSegmentPath, segmentBytes, unstoredBytes } from '../../../tracker/spool/spoolFiles';
import { SpoolIngester } from '../../../tracker/spool/spoolIngester';
import { spoolLine } from '../../../tracker/spool/spoolLine';
import { SpoolWriter, type SpoolWriterOptions } from '../../../tracker/spool/spoolWriter';
import type { Account, TrackerStore } from '../../../tracker/store/types';
import { signToken, type TokenKind } from '../../../tracker/tokens';
import { tempDir } from '../../helpers/tempDir';
import { testAccount } from './helpers/fixtures';
import type { StoreFactory } from './helpers/storeFactories';

/** A process id that runs nothing: its segments count as left behind by a killed worker. */
const DEAD_PID = 2 ** 22 + 17;

/**
 * The event spool against one store: a tracker answering from the spool (the real fast paths over
 * HTTP), the ingester checking and storing what it spooled, and spool files as a crash leaves them.
 */
export function spoolSuite(name: string, openStore: StoreFactory): void {
  describe(`event spool (${name})`, () => {
    let store: TrackerStore;
    let cleanup: () => Promise<void>;
    let dir: ReturnType<typeof tempDir>;
    let spoolDir: string;
    let account: Account;
    let key: { kid: string; key: Buffer };

    beforeEach(async () => {
      ({ store, cleanup } = await openStore());
      dir = tempDir('winkelpost-spool-');
      spoolDir = join(dir.path, 'spool');
      account = await testAccount(store);
      key = (await store.currentKey(account.id))!;
      await store.putLinks(account.id, 'm1', [{ id: 0, url: 'https://jouwmodezaak.nl/sale' }]);
    });
    afterEach(async () => {
      await cleanup();
      dir.remove();
    });

    const token = (kind: TokenKind, recipient: string, link?: number) =>
      signToken(
        { v: 1, kid: key.kid, account: account.id, mailing: 'm1', recipient, kind, link },
        key.key,
      );
    const stored = async () => (await store.eventsAfter(account.id, null, 10_000)).events;

    /** A segment as a killed worker leaves it: lines, maybe a torn last one, no closed marker. */
    const deadWritersSegment = (text: string) => {
      mkdirSync(spoolDir, { recursive: true });
      appendFileSync(newSegmentPath(spoolDir, DEAD_PID), text);
    };

    async function withTracker(
      use: (url: string, server: TrackerServer) => Promise<void>,
      writerOptions: SpoolWriterOptions = {},
    ) {
      const spool = new SpoolWriter(spoolDir, writerOptions);
      const server = buildTracker({ store, publicUrl: 'http://t.test', retention: false, spool });
      const url = await server.listen({ host: '127.0.0.1', port: 0 });
      try {
        await use(url, server);
      } finally {
        await server.close();
      }
    }

    it('answers opens and clicks from the spool; the ingester checks, classifies and stores them', async () => {
      const ingester = new SpoolIngester(spoolDir, store);
      await withTracker(async (url) => {
        const pixel = await fetch(`${url}/o/${token('open', 'r1')}.gif`, {
          headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Thunderbird/128.0' },
        });
        expect(pixel.status).toBe(200);
        expect(pixel.headers.get('content-type')).toBe('image/gif');
        await fetch(`${url}/o/${token('open', 'r2')}.gif`, {
          headers: { 'user-agent': 'Mozilla/5.0' },
        });
        // The first click of a link goes through Fastify (target not cached), the second is fast.
        for (const recipient of ['r3', 'r4']) {
          const click = await fetch(`${url}/c/${token('click', recipient, 0)}`, {
            redirect: 'manual',
            headers: { 'user-agent': 'curl/8.5.0' },
          });
          expect(click.status).toBe(302);
          expect(click.headers.get('location')).toBe('https://jouwmodezaak.nl/sale');
        }
        // HEAD is answered but never counted.
        await fetch(`${url}/o/${token('open', 'r5')}.gif`, { method: 'HEAD' });
        await ingester.ingestOnce();
      });
      await ingester.ingestOnce();
      const events = await stored();
      expect(events.map((e) => [e.kind, e.recipient, e.machine]).sort()).toEqual([
        ['click', 'r3', 'link-scanner'],
        ['click', 'r4', 'link-scanner'],
        ['open', 'r1', null],
        ['open', 'r2', 'apple-privacy-proxy'],
      ]);
      // The segment was closed with the tracker and, once stored, deleted.
      expect(readdirSync(spoolDir)).toEqual([]);
    });

    it('keeps a running writer’s segment until it is closed', async () => {
      const ingester = new SpoolIngester(spoolDir, store);
      await withTracker(async (url) => {
        await fetch(`${url}/o/${token('open', 'r1')}.gif`);
        expect(await ingester.ingestOnce()).toBe(1);
        expect(readdirSync(spoolDir)).toHaveLength(1);
        await fetch(`${url}/o/${token('open', 'r2')}.gif`);
        expect(await ingester.ingestOnce()).toBe(1);
      });
      expect(await ingester.ingestOnce()).toBe(0);
      expect((await stored()).map((e) => e.recipient).sort()).toEqual(['r1', 'r2']);
      expect(readdirSync(spoolDir)).toEqual([]);
    });

    it('tells how much of each segment on disk it has stored (the rest is the backlog)', async () => {
      const ingester = new SpoolIngester(spoolDir, store);
      await withTracker(async (url) => {
        await fetch(`${url}/o/${token('open', 'r1')}.gif`);
        await fetch(`${url}/o/${token('open', 'r2')}.gif`);
        expect(segmentBytes(spoolDir)).toBeGreaterThan(0);
        expect(unstoredBytes(spoolDir, ingester.storedOnDisk())).toBe(segmentBytes(spoolDir));
        await ingester.ingestOnce();
        const [segment] = readdirSync(spoolDir);
        expect(ingester.storedOnDisk()).toEqual({ [segment!]: segmentBytes(spoolDir) });
        expect(unstoredBytes(spoolDir, ingester.storedOnDisk())).toBe(0);
      });
      // Closed, stored and deleted: nothing on disk, nothing stored of it.
      await ingester.ingestOnce();
      expect(segmentBytes(spoolDir)).toBe(0);
      expect(ingester.storedOnDisk()).toEqual({});
    });

    it('starts a new segment past its size; the ingester deletes the closed ones it stored', async () => {
      const ingester = new SpoolIngester(spoolDir, store);
      await withTracker(
        async (url) => {
          // One after the other: each open is a write of its own, and each passes the size.
          for (let i = 0; i < 3; i += 1) await fetch(`${url}/o/${token('open', `r${i}`)}.gif`);
          const files = readdirSync(spoolDir);
          expect(files.filter((f) => f.endsWith('.spool'))).toHaveLength(4);
          expect(files.filter((f) => f.endsWith('.spool.closed'))).toHaveLength(3);
          expect(await ingester.ingestOnce()).toBe(3);
          // Only the segment in use is left.
          expect(readdirSync(spoolDir)).toHaveLength(1);
        },
        { maxSegmentBytes: 100 },
      );
      expect((await stored()).map((e) => e.recipient).sort()).toEqual(['r0', 'r1', 'r2']);
    });

    it('after a write that failed halfway, stores the next events whole (only the torn one is lost)', async () => {
      // The disk fills amid a write: half the line lands, the rest fails.
      let fault: 'none' | 'short' | 'fail' = 'none';
      const writeBytes = (fd: number, bytes: Buffer, offset: number) => {
        if (fault === 'none') return writeSync(fd, bytes, offset);
        if (fault === 'short') {
          fault = 'fail';
          return writeSync(fd, bytes, offset, Math.floor((bytes.length - offset) / 2));
        }
        fault = 'none';
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      };
      const lost: number[] = [];
      const ingester = new SpoolIngester(spoolDir, store);
      await withTracker(
        async (url) => {
          fault = 'short';
          expect((await fetch(`${url}/o/${token('open', 'torn')}.gif`)).status).toBe(200);
          expect(lost).toEqual([1]);
          await fetch(`${url}/o/${token('open', 'r1')}.gif`);
          await fetch(`${url}/o/${token('open', 'r2')}.gif`);
        },
        { writeBytes, onError: (_error, events) => lost.push(events) },
      );
      await ingester.ingestOnce();
      expect((await stored()).map((e) => e.recipient).sort()).toEqual(['r1', 'r2']);
    });

    it('counts as lost exactly the lines a torn write did not finish, and never stores a cut one', async () => {
      const agent = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15';
      const line = (recipient: string) =>
        spoolLine('open', Date.now(), '192.0.2.0', token('open', recipient), agent);
      // The disk fills amid a batch's write: a short write up to `cut(bytes)`, then ENOSPC.
      let cut: ((bytes: Buffer) => number) | 'fail' | undefined;
      const writeBytes = (fd: number, bytes: Buffer, offset: number) => {
        if (cut === undefined) return writeSync(fd, bytes, offset);
        if (cut === 'fail') {
          cut = undefined;
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        const end = cut(bytes);
        cut = 'fail';
        return writeSync(fd, bytes, offset, end - offset);
      };
      const lost: number[] = [];
      const writer = new SpoolWriter(spoolDir, {
        writeBytes,
        onError: (_error, events) => lost.push(events),
      });
      /** One turn's lines, written in one write as the fast paths' appends are. */
      const batch = (recipients: string[], cutAt?: (bytes: Buffer) => number) => {
        cut = cutAt;
        for (const recipient of recipients)
          writer.append(line(recipient), {} as ServerResponse, () => undefined);
        writer.flush();
      };
      // Cut in r2's agent right after a dot: read as whole, its agent would be "Mozilla/5.".
      batch(['r0', 'r1', 'r2', 'r3'], (bytes) => {
        const r2 = bytes.indexOf(token('open', 'r2'));
        return bytes.indexOf('Mozilla/5.', r2) + 'Mozilla/5.'.length;
      });
      expect(lost).toEqual([2]);
      // Only the last line feed missing: r5's line is not whole either.
      batch(['r4', 'r5'], (bytes) => bytes.length - 1);
      expect(lost).toEqual([2, 1]);
      batch(['r6', 'r7']);
      writer.close();

      expect(await new SpoolIngester(spoolDir, store).ingestOnce()).toBe(5);
      expect((await stored()).map((e) => e.recipient).sort()).toEqual([
        'r0',
        'r1',
        'r4',
        'r6',
        'r7',
      ]);
    });

    it('never stores a tampered, unknown or wrong-kind token found in the spool', async () => {
      const valid = token('open', 'r1');
      const [body, signature] = valid.split('.') as [string, string];
      const otherRecipient = Buffer.from(
        Buffer.from(body, 'base64url').toString().replace('"r1"', '"r9"'),
      ).toString('base64url');
      const lines = [
        spoolLine('open', Date.now(), '192.0.2.0', `${otherRecipient}.${signature}`, 'Mail'),
        spoolLine('open', Date.now(), '192.0.2.0', `${body}.${'A'.repeat(43)}`, 'Mail'),
        spoolLine('open', Date.now(), '192.0.2.0', 'garbage', 'Mail'),
        spoolLine('click', Date.now(), '192.0.2.0', valid, 'Mail'),
        spoolLine('click', Date.now(), '192.0.2.0', token('click', 'r2'), 'Mail'),
        'x\tnot a line\n',
        spoolLine('open', Date.now(), '192.0.2.0', valid, 'Mail'),
      ];
      deadWritersSegment(lines.join(''));
      const rejected: number[] = [];
      const ingester = new SpoolIngester(spoolDir, store, {
        onRejected: (count) => rejected.push(count),
      });
      expect(await ingester.ingestOnce()).toBe(1);
      expect(rejected).toEqual([6]);
      expect((await stored()).map((e) => [e.kind, e.recipient])).toEqual([['open', 'r1']]);
    });

    it('stores a killed writer’s segment once, even when stored again after a crash, without its torn last line', async () => {
      const at = Date.UTC(2026, 10, 2, 9, 0, 0);
      const lines = Array.from({ length: 5 }, (_, i) =>
        spoolLine('open', at + i, '198.51.100.0', token('open', `r${i}`), 'Mail'),
      ).join('');
      const torn = spoolLine('open', at, '198.51.100.0', token('open', 'torn'), 'Mail').slice(
        0,
        30,
      );
      deadWritersSegment(lines + torn);
      // A first ingester stores everything and "crashes" before deleting: a second finds it all again.
      const first = new SpoolIngester(spoolDir, store, { writerIsAlive: () => true });
      expect(await first.ingestOnce()).toBe(5);
      const second = new SpoolIngester(spoolDir, store);
      await second.ingestOnce();
      const events = await stored();
      expect(events.map((e) => e.recipient).sort()).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
      expect(events.map((e) => e.at).sort()).toEqual([at, at + 1, at + 2, at + 3, at + 4]);
      expect(readdirSync(spoolDir)).toEqual([]);
    });

    it('counts a segment as closed when its pid now runs another program', async () => {
      mkdirSync(spoolDir, { recursive: true });
      // pid 1 runs, but it is no worker of this tracker: the segment's writer is gone.
      appendFileSync(
        newSegmentPath(spoolDir, 1),
        spoolLine('open', Date.now(), null, token('open', 'r1'), 'Mail'),
      );
      expect(await new SpoolIngester(spoolDir, store).ingestOnce()).toBe(1);
      expect(readdirSync(spoolDir)).toEqual([]);
    });

    it('keeps the spool while the store refuses and stores it once it takes writes again', async () => {
      deadWritersSegment(spoolLine('open', Date.now(), null, token('open', 'r1'), undefined));
      const refusing = { ...store, insertEvents: () => Promise.reject(new Error('store down')) };
      await expect(new SpoolIngester(spoolDir, refusing).ingestOnce()).rejects.toThrow(
        'store down',
      );
      expect(readdirSync(spoolDir)).toHaveLength(1);
      expect(await new SpoolIngester(spoolDir, store).ingestOnce()).toBe(1);
      const [event] = await stored();
      expect(event).toMatchObject({ recipient: 'r1', machine: 'no-user-agent' });
    });
  });
}
