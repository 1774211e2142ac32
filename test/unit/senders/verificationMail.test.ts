import { describe, expect, it } from 'vitest';
import { verificationMail } from '../../../electron/services/senders/verificationMail';

describe('the verification mail', () => {
  it("names the brand's product, in Dutch and in English", () => {
    const nl = verificationMail('nl', 'Kassapost', 'Bakkerij Jansen', '123456', 30);
    expect(nl.subject).toBe('Uw Kassapost-code: 123456');
    expect(nl.text).toContain('Vul deze code in Kassapost in');
    const en = verificationMail('en', 'Kassapost', 'Bakkerij Jansen', '123456', 30);
    expect(en.subject).toBe('Your Kassapost code: 123456');
    expect(en.html).toContain('Enter this code in Kassapost');
    for (const mail of [nl, en]) expect(JSON.stringify(mail)).not.toContain('Winkelpost');
  });
});
