import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { withNonce } from '../server/static';
import type { Logger } from '../services/core/logger';
import { assetHeaders, pageHeaders, planAppRequest, previewHeaders } from './appProtocol';
import { appSchemePrivileges, APP_SCHEME } from './policy';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges()]);
}

/** The mail preview page, as browser mode serves it (electron/server/previewRoute.ts). */
export type PreviewSource = (
  url: URL,
) => Promise<{ status: number; headers: Record<string, string>; body: string }>;

/** Serves app://winkelpost/… from the built renderer; previews through browser mode's code. */
export function handleAppProtocol(
  rendererDir: string,
  preview: PreviewSource,
  logger: Logger,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const plan = planAppRequest(request.url, rendererDir);
    try {
      switch (plan.kind) {
        case 'page': {
          const { html, nonce } = withNonce(await readFile(plan.file, 'utf8'));
          return new Response(html, { status: 200, headers: pageHeaders(nonce) });
        }
        case 'asset':
          return new Response(new Uint8Array(await readFile(plan.file)), {
            status: 200,
            headers: assetHeaders(plan.contentType),
          });
        case 'preview': {
          const answer = await preview(new URL(request.url));
          return new Response(answer.body, {
            status: answer.status,
            headers: previewHeaders(answer.headers),
          });
        }
        case 'notFound':
          return notFound();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return notFound();
      logger.error(`app:// request failed: ${request.url}`, error);
      return new Response('', { status: 500 });
    }
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
}
