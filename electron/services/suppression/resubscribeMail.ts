import { escapeHtml } from '../render/escape';

/** The short Dutch confirmation mail of a re-subscription (the customer's language is unknown). */
export function resubscribeMail(
  link: string,
  shopName: string,
): { subject: string; html: string; text: string } {
  const shop = shopName.trim() || 'onze winkel';
  const subject = `Bevestig uw inschrijving bij ${shop}`;
  const text = [
    'Beste klant,',
    '',
    `U heeft gevraagd om weer mail van ${shop} te ontvangen.`,
    'Klik op de link hieronder om dat te bevestigen:',
    '',
    link,
    '',
    'Heeft u dit niet gevraagd? Dan hoeft u niets te doen; u krijgt dan geen mail van ons.',
    '',
    `Met vriendelijke groet,`,
    shop,
  ].join('\n');
  const html = `<!doctype html><html lang="nl"><body style="font-family:Arial,sans-serif">
<p>Beste klant,</p>
<p>U heeft gevraagd om weer mail van ${escapeHtml(shop)} te ontvangen.
Klik op de knop hieronder om dat te bevestigen.</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#1c7ed6;color:#ffffff;text-decoration:none;border-radius:4px">Ja, ik wil weer mail ontvangen</a></p>
<p>Werkt de knop niet? Kopieer dan deze link in uw browser:<br>${escapeHtml(link)}</p>
<p>Heeft u dit niet gevraagd? Dan hoeft u niets te doen; u krijgt dan geen mail van ons.</p>
<p>Met vriendelijke groet,<br>${escapeHtml(shop)}</p>
</body></html>`;
  return { subject, html, text };
}
