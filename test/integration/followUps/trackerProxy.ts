import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TrackerProxy {
  url: string;
  /** Called with each request's path once the tracker answered; true: drop the answer. */
  onAnswered?: (path: string) => boolean;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Passes every request on to the tracker, so a test can act at the moment the tracker has done
 * something (a credit reservation) and the app has not yet heard back.
 */
export async function startTrackerProxy(trackerUrl: string): Promise<TrackerProxy> {
  const proxy: TrackerProxy = { url: '', close: async () => undefined };
  const server = createServer((request, response) => {
    void (async () => {
      const payload = await body(request);
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type', 'user-agent']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(`${trackerUrl}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers,
        redirect: 'manual',
        ...(payload.length > 0 ? { body: new Uint8Array(payload) } : {}),
      });
      const answerBody = Buffer.from(await answer.arrayBuffer());
      if (proxy.onAnswered?.(request.url ?? '/')) {
        request.socket.destroy();
        return;
      }
      const passOn: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!['content-length', 'transfer-encoding', 'connection'].includes(name))
          passOn[name] = value;
      });
      response.writeHead(answer.status, passOn).end(answerBody);
    })().catch(() => request.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
