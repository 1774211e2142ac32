import type { BounceReason } from './reasons';

/** Why the receiving side refused, in the shopkeeper's words (sender-side reasons only). */
const WHY: Partial<Record<BounceReason, { nl: string; en: string }>> = {
  blocked: {
    nl: 'uw verzendadres of server staat op een blokkeerlijst of wordt geweigerd',
    en: 'your sending address or server is on a block list or refused',
  },
  spamdetected: { nl: 'de mail werd als spam gezien', en: 'the mail was taken for spam' },
  policyviolation: {
    nl: 'de mail past niet bij de regels van de ontvanger',
    en: "the mail breaks the receiver's rules",
  },
  authfailure: {
    nl: 'de controle van uw afzender (SPF, DKIM of DMARC) mislukte',
    en: 'the check of your sender (SPF, DKIM or DMARC) failed',
  },
  badreputation: {
    nl: 'de reputatie van uw verzendserver is te laag',
    en: 'the reputation of your sending server is too low',
  },
  requireptr: {
    nl: 'uw verzendserver heeft geen geldige reverse DNS (PTR)',
    en: 'your sending server has no valid reverse DNS (PTR)',
  },
  norelaying: {
    nl: 'de server wil deze mail niet doorsturen',
    en: 'the server will not relay this mail',
  },
  rejected: { nl: 'uw afzenderadres werd geweigerd', en: 'your sender address was refused' },
  securityerror: {
    nl: 'de ontvanger eist een beveiligde of aangemelde verbinding',
    en: 'the receiver requires a secure or authenticated connection',
  },
};

/**
 * What the shopkeeper reads when a refusal about the sender paused a send: not the customer's
 * fault, nothing was suppressed, and what to do next. Stored in sends.pause_reason in their language.
 */
export function policyPauseMessage(
  language: 'nl' | 'en',
  status: string,
  detail: string,
  reason?: BounceReason,
): string {
  const server = `${status} ${detail}`.trim().slice(0, 200);
  const why = reason ? WHY[reason]?.[language] : undefined;
  if (language === 'en') {
    return (
      `Sending paused: a receiving mail server refused this mailing` +
      `${why ? ` because ${why}` : ''} (${server}). ` +
      `This is not the customer's fault, so no address was removed. Check your sender settings ` +
      `(SPF, DKIM, DMARC) or ask your supplier, then resume sending.`
    );
  }
  return (
    `Verzenden gepauzeerd: een ontvangende mailserver weigerde deze mailing` +
    `${why ? ` omdat ${why}` : ''} (${server}). ` +
    `Dit ligt niet aan de klant, dus er is geen adres uitgeschreven. Controleer uw ` +
    `afzenderinstellingen (SPF, DKIM, DMARC) of vraag uw leverancier om hulp, en hervat daarna het verzenden.`
  );
}
