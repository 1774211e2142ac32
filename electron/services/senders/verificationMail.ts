import { escapeHtml } from '../render/escape';

/** The verification mail in the app's language: short, with the code large and nothing else. */
export function verificationMail(
  language: 'nl' | 'en',
  name: string,
  code: string,
  validMinutes: number,
): { subject: string; html: string; text: string } {
  const t =
    language === 'en'
      ? {
          subject: `Your Winkelpost code: ${code}`,
          hello: `Hello ${name},`,
          body: 'Enter this code in Winkelpost to confirm that this address is yours:',
          valid: `The code is valid for ${validMinutes} minutes. Did you not ask for it? Then you can ignore this mail.`,
        }
      : {
          subject: `Uw Winkelpost-code: ${code}`,
          hello: `Beste ${name},`,
          body: 'Vul deze code in Winkelpost in om te bevestigen dat dit adres van u is:',
          valid: `De code is ${validMinutes} minuten geldig. Heeft u hier niet om gevraagd? Dan kunt u deze mail negeren.`,
        };
  const text = `${t.hello}\n\n${t.body}\n\n${code}\n\n${t.valid}\n`;
  const html =
    `<p>${escapeHtml(t.hello)}</p><p>${escapeHtml(t.body)}</p>` +
    `<p style="font-size:28px;font-weight:bold;letter-spacing:4px">${code}</p>` +
    `<p>${escapeHtml(t.valid)}</p>`;
  return { subject: t.subject, html, text };
}
