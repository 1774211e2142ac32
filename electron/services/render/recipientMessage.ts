import type { CompiledMailing } from './compile';
import { assembleMessage, type ComposeOptions } from './mime';
import { mailSubject, mailText, recipientValues, type Recipient } from './personalize';
import { fillQp, hasLineBreak, qpTemplate, quotedPrintable } from './quotedPrintable';
import { fillTemplate } from './slots';
import { weakCache } from './weakCache';

const htmlTemplateOf = weakCache((compiled: CompiledMailing) => qpTemplate(compiled.html));

/**
 * A real send's message for one recipient (the queue): the very bytes of
 * `composeMessage(compiled, renderForRecipient(compiled, recipient), options)`, without building
 * the HTML as one text. The HTML's lines without a slot (all but a dozen of some 900) are
 * quoted-printable once per mailing and copied; only the lines with a slot are encoded per
 * recipient. A value with a line break of its own (a contact's field) takes the whole way.
 */
export function composeForRecipient(
  compiled: CompiledMailing,
  recipient: Recipient,
  options: ComposeOptions,
): Buffer {
  const { values, barcode, unsubscribeHttps, unsubscribeMailto } = recipientValues(
    compiled,
    recipient,
  );
  const html = values.some(hasLineBreak)
    ? [quotedPrintable(fillTemplate(compiled.html, values))]
    : fillQp(htmlTemplateOf(compiled), values);
  return assembleMessage(
    compiled,
    {
      subject: mailSubject(compiled, values),
      unsubscribeHttps,
      unsubscribeMailto,
      barcode,
      text: quotedPrintable(mailText(compiled, values)),
      html,
    },
    options,
  );
}
