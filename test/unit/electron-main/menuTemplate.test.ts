import { afterEach, describe, expect, it } from 'vitest';
import { menuTemplate, type MenuItemSpec } from '../../../electron/main/menuTemplate';
import { setShellProductName, shellText } from '../../../electron/main/shellText';

const flat = (items: MenuItemSpec[]): MenuItemSpec[] =>
  items.flatMap((item) => [item, ...flat(item.submenu ?? [])]);

describe('application menu', () => {
  const options = { packaged: true, productName: 'Winkelpost' };

  it('is Dutch by default and English on request', () => {
    const nl = menuTemplate('nl', 'win32', options).map((m) => m.label);
    const en = menuTemplate('en', 'win32', options).map((m) => m.label);
    expect(nl).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Venster', 'Help']);
    expect(en).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('has the manual, the agreements and the update check under Help', () => {
    const help = menuTemplate('nl', 'win32', options).at(-1)!;
    expect(help.submenu!.filter((i) => i.action).map((i) => [i.label, i.action])).toEqual([
      ['Handleiding', 'openManual'],
      ['Overeenkomsten', 'openAgreements'],
      ['Controleren op updates…', 'checkUpdates'],
    ]);
  });

  it('adds the brand’s online manual and order page under Help when the brand has them', () => {
    const help = menuTemplate('en', 'win32', {
      ...options,
      onlineManual: true,
      orderPage: true,
    }).at(-1)!;
    expect(help.submenu!.filter((i) => i.action).map((i) => [i.label, i.action])).toEqual([
      ['Manual', 'openManual'],
      ['Manual on the website', 'openOnlineManual'],
      ['Order credits', 'openOrderPage'],
      ['Agreements', 'openAgreements'],
      ['Check for updates…', 'checkUpdates'],
    ]);
  });

  it('puts the app menu first on macOS', () => {
    expect(menuTemplate('nl', 'darwin', options)[0]!.label).toBe('Winkelpost');
  });

  it('offers developer tools and reload only in development builds', () => {
    const roles = (packaged: boolean) =>
      flat(menuTemplate('nl', 'linux', { ...options, packaged })).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
  });
});

describe('shell texts', () => {
  afterEach(() => setShellProductName('Winkelpost'));

  it('carry the product name of the brand, in the tray and the dialogs', () => {
    setShellProductName('Kassapost');
    expect(shellText('nl', 'quit')).toBe('Kassapost afsluiten');
    expect(shellText('nl', 'sending', { sent: 3, total: 9 })).toBe('Kassapost verstuurt: 3 van 9');
    expect(shellText('en', 'updateBody')).toContain('Kassapost');
    expect(shellText('en', 'updateBody')).not.toContain('Winkelpost');
  });
});
