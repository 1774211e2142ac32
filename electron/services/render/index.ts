/**
 * The one rendering pipeline (DESIGN.md, Rendering): preview, test send and real send all use it.
 *
 *   const compiled = await compileMailing(input);          // once per mailing (MJML: ~10 ms)
 *   const mail = renderForRecipient(compiled, recipient);  // per recipient: substitution only
 *   const raw = composeMessage(compiled, mail, { to, messageId, date });  // Buffer, RFC 5322
 *   const raw = composeForRecipient(compiled, recipient, { to, messageId, date });  // the same
 *                                      // bytes in one step, without the HTML as text (the queue)
 *
 * compiled.links is the link table to register at the tracker (click tokens carry its ids);
 * compiled.variables and emptyVariables() serve the checklist; compiled.warnings and
 * mail.warnings are what the preview lists. For a mailing in the database,
 * electron/services/mailings/compileForSend.ts builds the input (sender, shop, images, tracking).
 */
export { compileMailing, buildMjml, MjmlCompileError, releaseMjmlWorker } from './compile';
export type { CompileInput, CompiledMailing, InlineImage, Sender } from './compile';
export type { CompileImage, VariableUse } from './context';
export type { TrackedLink } from './links';
export { renderForRecipient, emptyVariables, BARCODE_CID, GMAIL_CLIP_BYTES } from './personalize';
export type { Recipient, RenderOptions, RenderedMail } from './personalize';
export { composeMessage, newMessageId, mailDate, formatAddress } from './mime';
export type { ComposeOptions } from './mime';
export { composeForRecipient } from './recipientMessage';
export { previewHtml } from './preview';
export { barcodePng, isValidEan13 } from './barcode';
export { migrate, parseDocument, newBlock, emptyDocument } from './document';
export { blockRegistry } from './blocks';
export { SAMPLE_DATA, formatAmount, knownVariables, parseVariables } from './variables';
