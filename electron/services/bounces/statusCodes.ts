import { matchDiagnostic, type FailureKind } from './diagnosticPatterns';

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

/**
 * The enhanced status code (RFC 3463) to judge by: the Status field, unless it is missing or only
 * says "x.0.0" and the server's own text names a more precise code of the same class.
 */
export function effectiveStatus(status: string, diagnostic: string): string {
  const fromText = ENHANCED.exec(diagnostic)?.[0] ?? '';
  if (!status) return fromText;
  if (/^\d\.0\.0$/.test(status) && fromText && fromText[0] === status[0]) return fromText;
  return status;
}

/** A refusal for one recipient → hard, soft or blocked, by code first and the server's words second. */
export function classifyFailure(status: string, diagnostic: string): FailureKind {
  const textKind = matchDiagnostic(diagnostic)?.kind;
  const match = ENHANCED.exec(status);
  if (!match) return textKind ?? 'soft';
  const [cls, subject, detail] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // 4.x.x: the remote server will or may accept it later; never the address's final word.
  if (cls !== 5) return 'soft';
  switch (subject) {
    case 1: // addressing
      if ([0, 1, 2, 3, 6, 10].includes(detail)) return 'hard';
      if (detail === 7 || detail === 8) return 'blocked'; // our sender address
      return textKind ?? 'soft';
    case 2: // mailbox
      if (detail === 1) return 'hard'; // disabled
      if (detail === 2 || detail === 3 || detail === 4) return 'soft';
      return textKind ?? 'soft';
    case 4: // network and routing
      if (detail === 4) return 'hard'; // no route to the domain
      return textKind ?? 'soft';
    case 7: // security and policy: the message or sender was refused, unless the words say otherwise
      return textKind === 'hard' ? 'hard' : 'blocked';
    default:
      return textKind ?? 'soft';
  }
}
