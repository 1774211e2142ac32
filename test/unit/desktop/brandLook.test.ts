import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrandLook } from '../../../electron/contract/desktop';
import { loadBranding } from '../../../electron/services/app/branding';
import { silentLogger } from '../../../electron/services/core/logger';
import { brandLook, imageDataUrl } from '../../../electron/services/desktop/brandLook';
import { tempDir } from '../../helpers/tempDir';

const resourcesDir = resolve(__dirname, '../../../resources');
const brandingDir = join(resourcesDir, 'branding');

describe('brandLook', () => {
  let dir: ReturnType<typeof tempDir> | null = null;
  afterEach(() => dir?.remove());

  it('gives a reseller brand its name, colours and both logos as data URLs', () => {
    const look = brandLook(brandingDir, loadBranding(resourcesDir, 'kassapartner'), silentLogger);
    expect(BrandLook.parse(look)).toEqual(look);
    expect(look.productName).toBe('Kassapost');
    expect(look.primaryColor).toBe('#2b4c8c');
    expect(look.logo).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(look.partner?.name).toBe('Kassasysteem Plus');
    expect(look.partner?.logo).toMatch(/^data:image\/png;base64,/);
    expect(look.smtpRelayHost).toBe('smtp.kassapartner.example');
  });

  it('shows no partner line for Winkelpost itself', () => {
    const look = brandLook(brandingDir, loadBranding(resourcesDir, 'winkelpost'), silentLogger);
    expect(look.partner).toBeNull();
    expect(look.logo).not.toBeNull();
    expect(look.smtpRelayHost).toBeNull();
  });

  it('keeps the name and colour of a brand that is incomplete, without images', () => {
    dir = tempDir('winkelpost-brandlook-');
    mkdirSync(join(dir.path, 'branding'));
    const partial = {
      name: 'proef',
      productName: 'Proefpost',
      primaryColor: '#aa3366',
      supportEmail: 'a@b.nl',
      supportPhone: '',
      orderUrl: 'https://x.nl',
      forgotPasswordUrl: 'https://x.nl',
      signUpUrl: 'https://x.nl',
      manualUrl: 'https://x.nl',
    };
    writeFileSync(join(dir.path, 'branding', 'proef.json'), JSON.stringify(partial));
    const look = brandLook(
      join(dir.path, 'branding'),
      loadBranding(dir.path, 'proef'),
      silentLogger,
    );
    expect(look).toMatchObject({
      productName: 'Proefpost',
      primaryColor: '#aa3366',
      logo: null,
      partner: null,
      smtpRelayHost: null,
    });
  });

  it('turns only png and svg into images', () => {
    expect(imageDataUrl(brandingDir, 'icons/winkelpost-logo.png')).toMatch(/^data:image\/png/);
    expect(() => imageDataUrl(brandingDir, 'winkelpost.json')).toThrow(/Unsupported/);
  });
});
