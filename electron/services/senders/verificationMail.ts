import { escapeHtml } from '../render/escape';

/** The verification mail in the app's language and the brand's name: short, the code large. */
export function verificationMail(
  language: 'nl' | 'en',
  productName: string,
  name: string,
  code: string,
  validMinutes: number,
): { subject: string; html: string; text: string } {
  const t =
    language === 'en'
      ? {
          subject: `Your ${productName} code: ${code}`,
          hello: `Hello ${name},`,
          body: `Enter this code in ${productName} to confirm that this address is yours:`,
          valid: `The code is valid for ${validMinutes} minutes. Did you not ask for it? Then you can ignore this mail.`,
        }
      : {
          subject: `Uw ${productName}-code: ${code}`,
          hello: `Beste ${name},`,
          body: `Vul deze code in ${productName} in om te bevestigen dat dit adres van u is:`,
          valid: `De code is ${validMinutes} minuten geldig. Heeft u hier niet om gevraagd? Dan kunt u deze mail negeren.`,
        };
  const text = `${t.hello}\n\n${t.body}\n\n${code}\n\n${t.valid}\n`;
  const html =
    `<p>${escapeHtml(t.hello)}</p><p>${escapeHtml(t.body)}</p>` +
    `<p style="font-size:28px;font-weight:bold;letter-spacing:4px">${code}</p>` +
    `<p>${escapeHtml(t.valid)}</p>`;
  return { subject: t.subject, html, text };
}
