import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TrackerClient, TrackerError } from '../../../tracker/client';

// A tracker that drops the first connection without an answer, the way a kept-alive socket closed
// by the server at the moment it is reused looks to the client, and answers every later request.
async function droppingTracker(): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (requests.length === 1) {
      request.socket.destroy();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ balance: 1200, reserved: 40 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, requests };
}

describe('the tracker client on a dropped connection', () => {
  let server: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  it('asks a read once more and returns its answer', async () => {
    const tracker = await droppingTracker();
    server = tracker.server;
    const client = new TrackerClient({ baseUrl: tracker.url, token: 't' });
    await expect(client.balance()).resolves.toMatchObject({ balance: 1200 });
    expect(tracker.requests).toEqual(['GET /api/credits', 'GET /api/credits']);
  });

  it('does not repeat a write: it says the tracker was not reachable', async () => {
    const tracker = await droppingTracker();
    server = tracker.server;
    const client = new TrackerClient({ baseUrl: tracker.url, token: 't' });
    const error = await client.reserve('r-1', 40).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrackerError);
    expect((error as TrackerError).code).toBe('network');
    expect(tracker.requests).toHaveLength(1);
  });
});
