import { darkModeHtml } from './darkPreview';

/**
 * A mail as the preview iframe shows it. Images already arrive as data: URLs (renderForRecipient
 * in preview mode); "images off" shows what a mail client that blocks images shows: alt texts;
 * "dark" shows it as a mail app in dark mode recolours it (darkPreview.ts).
 */
export function previewHtml(
  html: string,
  options: { images: boolean; scheme?: 'light' | 'dark' },
): string {
  const shown = options.images ? html : html.replace(/<img\b([^>]*?)\ssrc="[^"]*"/gi, '<img$1');
  return options.scheme === 'dark' ? darkModeHtml(shown) : shown;
}
