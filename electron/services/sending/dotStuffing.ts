const LF = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;
const LINE_START_DOT = Buffer.from('\r\n.');
const EXTRA_DOT = Buffer.from('.');

/**
 * A message's bytes as SMTP's DATA carries them (RFC 5321 4.5.2): a dot that starts a line gets
 * a second one. nodemailer's data stream does this byte by byte in JavaScript (about 0.08 ms for
 * a mail of 15 kB, paid per message); here native `indexOf` finds the few places, about five
 * times less CPU. Only for messages whose every line ends in CRLF, as the app's composer writes
 * them: one with a bare CR or LF gives `undefined`, and nodemailer's stream repairs it (a bare
 * line end must never reach the server, or "\r.\r" could end the data early: SMTP smuggling).
 * The final dot is not added: nodemailer's data stream writes it.
 */
export function dotStuffed(raw: Buffer): Buffer | undefined {
  for (let at = raw.indexOf(LF); at !== -1; at = raw.indexOf(LF, at + 1)) {
    if (raw[at - 1] !== CR) return undefined;
  }
  for (let at = raw.indexOf(CR); at !== -1; at = raw.indexOf(CR, at + 1)) {
    if (raw[at + 1] !== LF) return undefined;
  }
  const parts: Buffer[] = [];
  if (raw[0] === DOT) parts.push(EXTRA_DOT);
  let from = 0;
  for (
    let at = raw.indexOf(LINE_START_DOT);
    at !== -1;
    at = raw.indexOf(LINE_START_DOT, at + LINE_START_DOT.length)
  ) {
    parts.push(raw.subarray(from, at + 2), EXTRA_DOT);
    from = at + 2;
  }
  if (parts.length === 0) return raw;
  parts.push(raw.subarray(from));
  return Buffer.concat(parts);
}
