const LF = 0x0a;
const CR = 0x0d;

/**
 * A message saved on an old Mac ends its lines with a bare CR; neither parser finds a header's
 * end or a MIME boundary in it. Such a message (CRs, not one LF) gets LFs instead; any other is
 * returned as it came, without a copy.
 */
export function withLineFeeds(source: Buffer): Buffer {
  if (source.indexOf(LF) !== -1 || source.indexOf(CR) === -1) return source;
  const copy = Buffer.from(source);
  for (let i = copy.indexOf(CR); i !== -1; i = copy.indexOf(CR, i + 1)) copy[i] = LF;
  return copy;
}
