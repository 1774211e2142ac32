import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, ERROR_CODES, type Envelope } from '../contract';
import { receiveUpload } from '../services/selections/uploads';
import { isOwnOrigin } from './browserAuth';

/** The path of browser mode's import upload (the request is already authorized). */
export const UPLOAD_PATH = '/api/upload';

/**
 * PUT /api/upload: an import file's raw bytes, streamed into a private file of the data folder
 * (selections/uploads.ts); answers the envelope `{ uploadId }`. PUT is never a "simple" request,
 * so another web page's attempt needs a CORS preflight, which is never granted; an Origin that is
 * sent must be ours, as for every API call.
 */
export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  dataDir: string,
  port: number,
): Promise<void> {
  if (req.method !== 'PUT') return answer(res, 405, refusal('method_not_allowed', 'Use PUT'));
  if (req.headers.origin !== undefined && !isOwnOrigin(req.headers.origin, port))
    return answer(res, 403, refusal(ERROR_CODES.forbidden, 'Cross-origin requests are refused'));
  const length = Number(req.headers['content-length']);
  try {
    const uploadId = await receiveUpload(
      dataDir,
      req,
      Number.isFinite(length) ? length : undefined,
    );
    answer(res, 200, { ok: true, value: { uploadId } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const { code, message, key, params } = error;
    answer(res, 413, { ok: false, error: { code, message, key, params } });
  }
}

function refusal(code: string, message: string, key?: string): Envelope<never> {
  return { ok: false, error: { code, message, key } };
}

function answer(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  // A body refused half-way has closed the connection: there is no one to answer.
  if (res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    // The rest of a refused body is not read: the browser must not send it on this connection.
    ...(status === 200 ? {} : { connection: 'close' }),
  });
  res.end(JSON.stringify(body));
}
