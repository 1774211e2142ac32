import type { IncomingMessage, ServerResponse } from 'node:http';

/** A GET route of browser mode (see StartServerOptions.routes): written for node:http. */
export type NodeRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export interface CapturedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Runs a browser-mode route for the app:// protocol, so Electron serves the mail preview through the
 * very same code (no second implementation). Only the response methods such routes use are provided.
 */
export async function runNodeRoute(route: NodeRoute, url: URL): Promise<CapturedResponse> {
  const headers: Record<string, string> = {};
  const chunks: Buffer[] = [];
  const setHeaders = (values: Record<string, unknown> | undefined) => {
    for (const [name, value] of Object.entries(values ?? {})) {
      if (value !== undefined) headers[name.toLowerCase()] = String(value);
    }
  };
  const toBuffer = (chunk: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8');
  const res = {
    statusCode: 200,
    headersSent: false,
    writeHead(status: number, values?: Record<string, unknown>) {
      res.statusCode = status;
      setHeaders(values);
      res.headersSent = true;
      return res;
    },
    setHeader(name: string, value: unknown) {
      setHeaders({ [name]: value });
      return res;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    write(chunk: unknown) {
      chunks.push(toBuffer(chunk));
      res.headersSent = true;
      return true;
    },
    end(chunk?: unknown) {
      if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk));
      res.headersSent = true;
      return res;
    },
  };
  const req = { method: 'GET', url: url.pathname + url.search, headers: {} };
  await route(req as unknown as IncomingMessage, res as unknown as ServerResponse, url);
  return { status: res.statusCode, headers, body: Buffer.concat(chunks) };
}
