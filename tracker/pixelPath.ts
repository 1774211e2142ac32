import type { ServerResponse } from 'node:http';

/** The transparent 1×1 GIF (43 bytes), the same answer for every pixel request. */
export const PIXEL_GIF = Buffer.from(
  'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==',
  'base64',
);

export const PIXEL_HEADERS = {
  'content-type': 'image/gif',
  'cache-control': 'no-store, no-cache, must-revalidate, max-age=0',
  pragma: 'no-cache',
  expires: '0',
  'x-content-type-options': 'nosniff',
};

/**
 * The GIF's bytes as latin1 text: Node then sends the header and the body in one write (it joins
 * a latin1 string body to the header text) instead of a writev of two buffers per request.
 */
const PIXEL_GIF_TEXT = PIXEL_GIF.toString('latin1');

/** Built once: writeHead takes a flat list without copying or validating an object per request. */
const PIXEL_HEADER_LIST = [
  ...Object.entries(PIXEL_HEADERS).flat(),
  'content-length',
  String(PIXEL_GIF.length),
];

/** The pixel's answer straight on Node's response (the same bytes and headers as the Fastify route). */
export function answerPixel(response: ServerResponse): void {
  response.writeHead(200, PIXEL_HEADER_LIST);
  response.end(PIXEL_GIF_TEXT, 'latin1');
}
