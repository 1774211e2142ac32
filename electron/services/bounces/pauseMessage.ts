/**
 * What the shopkeeper reads when a policy refusal (5.7.x) paused a send: not the customer's fault,
 * nothing was suppressed, and what to do next. Stored in sends.pause_reason in their language.
 */
export function policyPauseMessage(language: 'nl' | 'en', status: string, reason: string): string {
  const server = `${status} ${reason}`.trim().slice(0, 200);
  if (language === 'en') {
    return (
      `Sending paused: a receiving mail server refused this mailing (${server}). ` +
      `This is not the customer's fault, so no address was removed. Check your sender settings ` +
      `(SPF, DKIM, DMARC) or ask your supplier, then resume sending.`
    );
  }
  return (
    `Verzenden gepauzeerd: een ontvangende mailserver weigerde deze mailing (${server}). ` +
    `Dit ligt niet aan de klant, dus er is geen adres uitgeschreven. Controleer uw ` +
    `afzenderinstellingen (SPF, DKIM, DMARC) of vraag uw leverancier om hulp, en hervat daarna het verzenden.`
  );
}
