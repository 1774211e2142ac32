import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_DIST } from '../../../electron/paths';
import { PREVIEW_PREFIX, previewRoute } from '../../../electron/server/previewRoute';
import { startServer, type RunningServer } from '../../../electron/server/server';
import { newBlock } from '../../../electron/services/render/document';
import { bearer } from '../../helpers/browserSession';
import { startTestApp, type TestApp } from '../../helpers/testApp';

/**
 * Browser mode as an attacker sees it: another local process, another web page in the same
 * browser, a rebound DNS name. Every request goes over real HTTP to a real server on loopback.
 */
let t: TestApp;
let server: RunningServer;

beforeAll(async () => {
  t = await startTestApp();
  server = await startServer({
    app: t.app,
    port: 0,
    rendererDir: RENDERER_DIST,
    routes: { [PREVIEW_PREFIX]: previewRoute(t.app) },
    maxBodyBytes: 2 * 1024 * 1024,
    timeouts: { headersMs: 1_000, requestMs: 1_500, checkEveryMs: 200 },
  });
});
afterAll(async () => {
  await server.close();
  await t.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request exactly as written: Host, path and method that fetch would refuse or rewrite. */
function raw(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string | Buffer,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method,
        headers,
        setHost: !('host' in headers),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes `text` on a plain socket and gives back everything the server said before closing. */
function socketExchange(text: string, keepOpen = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => {
      socket.write(text);
      if (!keepOpen) socket.end();
    });
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve(answer) : reject(error),
    );
  });
}

const apiPost = (channel: string, body: string, headers: Record<string, string>) =>
  raw(`/api/${channel}`, { host: `127.0.0.1:${server.port}`, ...headers }, 'POST', body);

describe('browser mode: the token', () => {
  it('refuses /api, the event stream and the page without, with a wrong and with an old token', async () => {
    const host = { host: `127.0.0.1:${server.port}` };
    // A second start over the same data folder gets a new token; the first one's is then old.
    const oldToken = server.token;
    const next = await startServer({ app: t.app, port: 0, rendererDir: RENDERER_DIST });
    try {
      expect(readFileSync(join(t.dataDir, 'browser-token'), 'utf8').trim()).toBe(next.token);
      const old = await fetch(`${next.url}/api/app.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${oldToken}` },
        body: '{}',
      });
      expect(old.status).toBe(401);
      expect((await fetch(`${next.url}/?token=${oldToken}`, { redirect: 'manual' })).status).toBe(
        401,
      );
    } finally {
      await next.close();
      writeFileSync(join(t.dataDir, 'browser-token'), `${server.token}\n`);
    }
    for (const auth of [
      {},
      { authorization: 'Bearer ' },
      { authorization: `Bearer ${server.token}x` },
      { authorization: `Basic ${server.token}` },
      { cookie: `winkelpost-1=${server.token}` },
      { cookie: `${server.cookie.name}=` },
    ] as Record<string, string>[]) {
      expect(
        (await apiPost('app.info', '{}', { 'content-type': 'application/json', ...auth })).status,
      ).toBe(401);
      expect((await raw('/api/events', { ...host, ...auth })).status).toBe(401);
      expect((await raw('/', { ...host, ...auth })).status).toBe(401);
      expect((await raw('/index.html', { ...host, ...auth })).status).toBe(401);
      expect((await raw(`${PREVIEW_PREFIX}x`, { ...host, ...auth })).status).toBe(401);
    }
  });

  it('keeps the token out of every Referer: the link answers 303 with no-referrer, every page too', async () => {
    const link = await raw(`/mailings?token=${server.token}`);
    expect(link.status).toBe(303);
    expect(link.headers['referrer-policy']).toBe('no-referrer');
    expect(link.headers.location).toBe('/mailings');
    expect(link.body).not.toContain(server.token);
    const page = await raw('/', bearer(server));
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).not.toContain(server.token);
    const preview = await raw(`${PREVIEW_PREFIX}nope`, bearer(server));
    expect(preview.body).not.toContain(server.token);
  });
});

describe('browser mode: other web pages and rebound names', () => {
  it('refuses a Host other than loopback on our own port (DNS rebinding), before anything runs', async () => {
    for (const host of [
      `evil.example:${server.port}`,
      `127.0.0.1.evil.example:${server.port}`,
      `localhost.evil.example:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
      `localhost:1`,
      '127.0.0.1',
      'localhost',
      `127.0.0.1:${server.port}@evil.example`,
      '',
    ]) {
      const answer = await raw('/api/events', { host, ...bearer(server) });
      expect(answer.status, host).toBe(421);
    }
    expect((await socketExchange(`GET / HTTP/1.0\r\n\r\n`)).split('\r\n')[0]).toContain('421');
  });

  it('refuses cross-site posts: another Origin, Sec-Fetch-Site, text/plain forms and JSON as text', async () => {
    const auth = bearer(server);
    const json = { 'content-type': 'application/json', ...auth };
    const cases: Record<string, string>[] = [
      { ...json, origin: 'https://evil.example' },
      { ...json, origin: 'null' },
      { ...json, origin: `http://127.0.0.1:${server.port}.evil.example` },
      { ...json, 'sec-fetch-site': 'cross-site' },
      { ...json, 'sec-fetch-site': 'same-site' },
      // The three "simple" content types a form or a no-cors fetch can send without a preflight.
      { ...auth, 'content-type': 'text/plain' },
      { ...auth, 'content-type': 'text/plain; charset=application/json' },
      { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      { ...auth, 'content-type': 'multipart/form-data; boundary=x' },
      { ...auth, 'content-type': 'application/json, text/plain' },
      auth,
    ];
    for (const headers of cases) {
      const answer = await apiPost('settings.update', '{"language":"en"}', headers);
      expect(answer.status, JSON.stringify(headers)).toBeGreaterThanOrEqual(403);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    }
    const settings = await apiPost('settings.get', '{}', json);
    expect(JSON.parse(settings.body).value.language).toBe('nl');
    // The page's own calls still pass: same-origin fetches say so.
    const own = await apiPost('app.info', '{}', { ...json, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
  });

  it('grants no CORS: a preflight and a simple cross-origin GET get no Access-Control header', async () => {
    const preflight = await raw(
      '/api/app.info',
      {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
      'OPTIONS',
    );
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await raw('/api/app.info', {
      origin: 'https://evil.example',
      ...bearer(server),
    });
    expect(simple.status).toBeGreaterThanOrEqual(400);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    expect(simple.body).not.toContain(t.dataDir);
  });

  it('opens no WebSocket: an upgrade of the event stream is never switched, token or not', async () => {
    for (const auth of ['', `Authorization: Bearer ${server.token}\r\n`]) {
      const answer = await socketExchange(
        `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${auth}` +
          'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n' +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: https://evil.example\r\n\r\n',
      );
      expect(answer).not.toContain(' 101 ');
      expect(answer).not.toContain(': connected');
    }
  });

  it('refuses the event stream to another site even with a valid token', async () => {
    const stream = await raw('/api/events', {
      ...bearer(server),
      origin: 'https://evil.example',
    });
    expect(stream.status).toBe(403);
  });
});

describe('browser mode: files outside the renderer and the outbox', () => {
  const traversals = [
    '/../../../../etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/..%5c..%5c..%5cetc%5cpasswd',
    '/%2e%2e%5c%2e%2e%5cetc%5cpasswd',
    '/assets/..%2f..%2f..%2f..%2fpackage.json',
    '/%2fetc%2fpasswd',
    '/C:%5cWindows%5cwin.ini',
    '/assets/%00.js',
  ];

  it('never serves a file outside the renderer folder, with or without the token', async () => {
    for (const path of traversals) {
      for (const auth of [{}, bearer(server)]) {
        const answer = await raw(path, auth);
        expect(answer.body, path).not.toContain('root:');
        expect(answer.body, path).not.toContain('"name": "winkelpost"');
        // 200 only for the app's own page (a path without a file falls back to it); 503: the
        // same fallback while the renderer is not built. Never a file from outside.
        expect([200, 400, 401, 404, 503], path).toContain(answer.status);
        if (answer.status === 200) expect(answer.headers['content-type']).toContain('text/html');
      }
    }
  });

  it('never serves the database, the token or a file beside them through the preview routes', async () => {
    const outbox = join(t.dataDir, 'outbox');
    mkdirSync(outbox, { recursive: true });
    // A link in the data folder that points out of it: the viewer shows outbox mails, nothing else.
    symlinkSync(join(t.dataDir, 'browser-token'), join(outbox, 'token.eml'));
    writeFileSync(join(t.dataDir, 'secret.eml'), 'Content-Type: text/html\r\n\r\n<p>geheim</p>');
    symlinkSync(join(t.dataDir, 'secret.eml'), join(outbox, 'link.eml'));
    for (const target of [
      'outbox/token.eml',
      'outbox/link.eml',
      'outbox/..%2fsecret.eml',
      'outbox/%2e%2e%2fsecret.eml',
      'outbox/..%5csecret.eml',
      `outbox/${encodeURIComponent(join(t.dataDir, 'secret.eml'))}`,
      '..%2f..%2fbrowser-token',
      '%2e%2e%2fwinkelpost.sqlite',
    ]) {
      const answer = await raw(`${PREVIEW_PREFIX}${target}`, bearer(server));
      expect(answer.body, target).not.toContain(server.token);
      expect(answer.body, target).not.toContain('geheim');
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('browser mode: large, slow and odd bodies', () => {
  it('refuses a body over the limit at once by its length, and one that keeps coming, keeping nothing', async () => {
    const declared = await socketExchange(
      `POST /api/images.add HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
        `Authorization: Bearer ${server.token}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${40 * 1024 * 1024}\r\n\r\n{"mailingId":"`,
    );
    expect(declared.split('\r\n')[0]).toContain('413');
    expect(declared).toContain('common:errors.tooLarge');
    // Chunked, no length: refused as soon as it passes the limit, not read to its (absent) end.
    const flood = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/images.add',
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(server) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!req.destroyed && req.write(chunk));
        if (!req.destroyed) req.once('drain', pump);
      };
      pump();
    });
    expect(flood).toBe(413);
  });

  it("answers a 40 MB image with the image limit in the user's words and stores nothing", async () => {
    // The default body limit: large enough for the largest legal call, the image check says why.
    const plain = await startServer({ app: t.app, port: 0, rendererDir: RENDERER_DIST });
    try {
      const call = (channel: string, input: unknown) =>
        fetch(`${plain.url}/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(plain) },
          body: JSON.stringify(input),
        }).then((r) => r.json());
      const mailingId = (await call('mailings.create', { type: 'newsletter' })).value.id as string;
      const big = Buffer.alloc(40 * 1024 * 1024, 0xff).toString('base64');
      const answer = await call('images.add', {
        mailingId,
        fileName: 'groot.jpg',
        dataBase64: big,
      });
      expect(answer).toMatchObject({
        ok: false,
        error: { key: 'mailings:errors.imageTooLarge', params: { megabytes: 20 } },
      });
      expect((await call('images.list', { mailingId })).value).toEqual([]);
    } finally {
      await plain.close();
      writeFileSync(join(t.dataDir, 'browser-token'), `${server.token}\n`);
    }
  });

  it('closes a connection whose headers or body never finish (Slowloris)', async () => {
    const headers = await socketExchange(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-a: `,
      true,
    );
    expect(headers === '' || headers.startsWith('HTTP/1.1 408')).toBe(true);
    const body = await socketExchange(
      `PUT /api/upload HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
        `Authorization: Bearer ${server.token}\r\nContent-Length: 1000\r\n\r\nnaam;email\r\n`,
      true,
    );
    expect(body === '' || body.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('takes a multipart body to the upload only as the bytes it is, and refuses it on /api', async () => {
    const multipart =
      '--x\r\nContent-Disposition: form-data; name="file"; filename="../../browser-token"\r\n\r\nemail\r\n--x--\r\n';
    const api = await apiPost('selections.import', multipart, {
      'content-type': 'multipart/form-data; boundary=x',
      ...bearer(server),
    });
    expect(api.status).toBe(415);
    const upload = await raw(
      '/api/upload',
      { ...bearer(server), 'content-type': 'multipart/form-data; boundary=x' },
      'PUT',
      multipart,
    );
    expect(upload.status).toBe(200);
    expect(readFileSync(join(t.dataDir, 'browser-token'), 'utf8').trim()).toBe(server.token);
    const wrongMethod = await raw('/api/upload', { ...bearer(server) }, 'POST', multipart);
    expect(wrongMethod.status).toBe(405);
  });
});

describe('browser mode: markup from shop data', () => {
  it('shows a subject and a contact name full of markup as text in the preview, the test mail and the outbox', async () => {
    const call = async (channel: string, input: unknown) =>
      JSON.parse(
        (
          await apiPost(channel, JSON.stringify(input), {
            'content-type': 'application/json',
            ...bearer(server),
          })
        ).body,
      );
    const mailing = (await call('mailings.create', { type: 'newsletter' })).value;
    const heading = newBlock('heading', 'kop');
    await call('mailings.update', {
      id: mailing.id,
      patch: {
        subject: '<script>alert("onderwerp")</script>',
        document: {
          ...mailing.document,
          blocks: [{ ...heading, data: { ...heading.data, text: 'Hallo [[naam]]' } }],
        },
      },
    });
    const sqlite = t.app.context.database.sqlite;
    sqlite
      .prepare(
        `insert into selections (id, description, file_name, created_at, extra_columns, count, consent_confirmed_at)
         values ('sel-xss', 'Klanten', 'k.csv', ?, '[]', 1, ?)`,
      )
      .run(t.clock.now(), t.clock.now());
    const contactId = Number(
      sqlite
        .prepare(
          `insert into contacts (selection_id, email, normalized_email, data, row_number) values ('sel-xss', ?, ?, ?, 1)`,
        )
        .run(
          'x@example.nl',
          'x@example.nl',
          JSON.stringify({ naam: '<img src=x onerror=alert(1)><script>alert(2)</script>' }),
        ).lastInsertRowid,
    );
    const frame = await raw(
      `${PREVIEW_PREFIX}${mailing.id}?contactId=${contactId}`,
      bearer(server),
    );
    expect(frame.status).toBe(200);
    const csp = String(frame.headers['content-security-policy']);
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(frame.body).not.toMatch(/<script>alert|<img src=x onerror/);
    expect(frame.body).toContain('&lt;img src=x onerror=alert(1)&gt;');

    // The test mail with that contact, and its page in the outbox viewer.
    const senders = await call('settings.update', {
      senders: [{ name: 'Bakkerij <b>', email: 'nieuws@bakkerij.nl', replyTo: '' }],
    });
    await call('mailings.update', {
      id: mailing.id,
      patch: { from: senders.value.senders[0].id },
    });
    const sent = await call('send.test', {
      mailingId: mailing.id,
      to: ['ik@bakkerij.nl'],
      contactId,
    });
    expect(sent.ok).toBe(true);
    const file = sent.value.results[0].outboxFile as string;
    const outboxFrame = await raw(
      `${PREVIEW_PREFIX}outbox/${encodeURIComponent(file)}`,
      bearer(server),
    );
    expect(outboxFrame.status).toBe(200);
    expect(String(outboxFrame.headers['content-security-policy'])).toContain("script-src 'none'");
    expect(outboxFrame.body).not.toMatch(/<script>alert|<img src=x onerror/);
    expect(outboxFrame.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const opened = await call('outbox.open', { file });
    expect(opened.value.subject).toBe('<script>alert("onderwerp")</script>');
  });
});

describe('browser mode: where it listens', () => {
  it('listens on 127.0.0.1 only, whatever port it is given, and is not reachable on other addresses', async () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!outside) return;
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(server.port, outside.address);
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });
});
