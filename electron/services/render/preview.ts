/**
 * A mail as the preview iframe shows it. Images already arrive as data: URLs (renderForRecipient
 * in preview mode); "images off" shows what a mail client that blocks images shows: alt texts.
 */
export function previewHtml(html: string, options: { images: boolean }): string {
  if (options.images) return html;
  return html.replace(/<img\b([^>]*?)\ssrc="[^"]*"/gi, '<img$1');
}
