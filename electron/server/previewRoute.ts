import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../app';
import type { ChannelOutput } from '../contract';
import { previewHtml } from '../services/render';
import { OUTBOX_PREVIEW, outboxPreviewResponse } from './outboxPreview';
import { mailPageAnswer, plainAnswer, type PreviewResponse } from './previewAnswer';

export const PREVIEW_PREFIX = '/_preview/';

export type { PreviewResponse } from './previewAnswer';

/**
 * GET /_preview/<mailingId>?contactId=&images=off&scheme=dark: the mail exactly as mailings.preview renders it,
 * as a page of its own for the renderer's sandboxed iframe. The app's CSP forbids the inline styles
 * every mail needs, so this page gets the preview policy instead (no scripts, no forms).
 * Transport-free so the Electron protocol handler can serve the same answer.
 */
export async function previewResponse(app: App, url: URL): Promise<PreviewResponse> {
  const id = decodedId(url.pathname.slice(PREVIEW_PREFIX.length));
  if (id === null) return plainAnswer(400, 'Ongeldige voorbeeldweergave / Invalid preview request');
  // Mailing ids never hold a slash: this is a message in the outbox.
  if (id.startsWith(OUTBOX_PREVIEW))
    return outboxPreviewResponse(app, id.slice(OUTBOX_PREVIEW.length));
  const contactParam = url.searchParams.get('contactId');
  const contactId = contactParam === null || contactParam === '' ? undefined : Number(contactParam);
  if (id === '' || (contactId !== undefined && !Number.isInteger(contactId))) {
    return plainAnswer(400, 'Ongeldige voorbeeldweergave / Invalid preview request');
  }
  const envelope = await app.handlers['mailings.preview']({
    id,
    ...(contactId === undefined ? {} : { contactId }),
  });
  if (!envelope.ok) {
    const status =
      envelope.error.code === 'not_found'
        ? 404
        : envelope.error.code === 'invalid_input'
          ? 400
          : 500;
    return plainAnswer(
      status,
      status === 404
        ? 'Deze mailing of dit contact bestaat niet / This mailing or contact does not exist'
        : 'Het voorbeeld kon niet worden gemaakt / The preview could not be made',
    );
  }
  const preview = envelope.value as ChannelOutput<'mailings.preview'>;
  return mailPageAnswer(
    previewHtml(preview.html, {
      images: url.searchParams.get('images') !== 'off',
      scheme: url.searchParams.get('scheme') === 'dark' ? 'dark' : 'light',
    }),
  );
}

/** The id in the path, or null when it does not decode (`%ZZ`: a bad request, not a crash). */
function decodedId(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded).replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** The browser-mode route for startServer's `routes`: { [PREVIEW_PREFIX]: previewRoute(app) }. */
export function previewRoute(app: App) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const answer = await previewResponse(app, url);
    res.writeHead(answer.status, answer.headers);
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  };
}
