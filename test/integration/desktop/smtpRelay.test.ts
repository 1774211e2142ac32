import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../electron/app';
import { unwrap, type ChannelOutput } from '../../../electron/contract';
import { ManualClock } from '../../../electron/services/core/clock';
import { silentLogger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';
import { tempDir } from '../../helpers/tempDir';

/** Opens the app on `dataDir`, as a start of the desktop app built with `branding`. */
function start(dataDir: string, branding?: string): Promise<App> {
  return createApp({
    dataDir,
    clock: new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0)),
    logger: silentLogger,
    cipher: aesSecretCipher(Buffer.alloc(32, 1)),
    ...(branding ? { branding } : {}),
  });
}

async function smtp(app: App) {
  return (unwrap(await app.handlers['settings.get']({})) as ChannelOutput<'settings.get'>).smtp;
}

describe('the brand’s SMTP relay', () => {
  let dir: ReturnType<typeof tempDir>;
  let app: App | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
    dir.remove();
  });

  it('fills in host, port and security on the first start, never a user or password', async () => {
    dir = tempDir();
    app = await start(dir.path, 'kassapartner');
    expect(await smtp(app)).toEqual({
      host: 'smtp.kassapartner.example',
      port: 587,
      security: 'starttls',
      user: '',
      passwordSet: false,
    });
  });

  it('keeps what the shop saved, also over a restart', async () => {
    dir = tempDir();
    app = await start(dir.path, 'kassapartner');
    // The shopkeeper adds only the user name and password to the prefilled relay…
    const relay = await smtp(app);
    unwrap(
      await app.handlers['settings.update']({
        smtp: { ...relay, user: 'winkel@voorbeeld.nl', password: 'geheim' },
      }),
    );
    expect(await smtp(app)).toMatchObject({
      host: 'smtp.kassapartner.example',
      user: 'winkel@voorbeeld.nl',
      passwordSet: true,
    });
    // …and later switches to their own provider; a restart must not bring the relay back.
    unwrap(
      await app.handlers['settings.update']({
        smtp: { host: 'mail.eigenprovider.nl', port: 465, security: 'tls', user: 'winkel' },
      }),
    );
    await app.close();
    app = await start(dir.path, 'kassapartner');
    expect(await smtp(app)).toEqual({
      host: 'mail.eigenprovider.nl',
      port: 465,
      security: 'tls',
      user: 'winkel',
      passwordSet: true,
    });
  });

  it('keeps a cleared host cleared: an empty saved value is still the shop’s choice', async () => {
    dir = tempDir();
    app = await start(dir.path, 'kassapartner');
    unwrap(
      await app.handlers['settings.update']({
        smtp: { host: '', port: 587, security: 'starttls', user: '' },
      }),
    );
    await app.close();
    app = await start(dir.path, 'kassapartner');
    expect((await smtp(app)).host).toBe('');
  });

  it('leaves the SMTP settings empty for a brand without a relay', async () => {
    dir = tempDir();
    app = await start(dir.path);
    expect(await smtp(app)).toMatchObject({ host: '', port: 587, security: 'starttls', user: '' });
  });
});
