import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  appSchemePrivileges,
  contentSecurityPolicy,
  desktopDataDir,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedSenderUrl,
  isPermissionAllowed,
  isWebviewAllowed,
  previewContentSecurityPolicy,
  resolveAppFile,
  windowOpenDecision,
  windowOptions,
} from '../../../electron/main/policy';

// One test per item of Electron's security checklist that rests on a decision in policy.ts.
describe('window options (checklist: context isolation, sandbox, no node integration)', () => {
  const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences as unknown as Record<
    string,
    unknown
  >;

  it('isolates the page from the preload and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('gives the page no Node.js, not in workers nor subframes', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses mixed content, <webview> and experimental features', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBeUndefined();
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('loads the preload it was given and starts hidden until the first paint', () => {
    const options = windowOptions('/x/preload.cjs', 'Kassapost');
    expect(options.webPreferences.preload).toBe('/x/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.title).toBe('Kassapost');
  });
});

describe('content security policy (checklist: CSP)', () => {
  const csp = contentSecurityPolicy('abc123');
  const directive = (name: string) =>
    csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '(missing)';

  it('never allows inline or eval script', () => {
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(directive('script-src')).toBe("script-src 'self'");
  });

  it('allows styles only from the app and with this response nonce', () => {
    expect(directive('style-src')).toBe("style-src 'self' 'nonce-abc123'");
  });

  it('denies by default, objects, framing by others, base and form targets', () => {
    expect(directive('default-src')).toBe("default-src 'none'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('base-uri')).toBe("base-uri 'none'");
    expect(directive('form-action')).toBe("form-action 'none'");
  });

  it('lets the mail preview style itself but never run a script', () => {
    const preview = previewContentSecurityPolicy();
    expect(preview).toContain("script-src 'none'");
    expect(preview).toContain("default-src 'none'");
    expect(preview).not.toContain('unsafe-eval');
  });
});

describe('app:// protocol instead of file:// (checklist: custom protocol)', () => {
  it('registers a standard secure scheme that does not bypass the CSP', () => {
    const scheme = appSchemePrivileges();
    expect(scheme.scheme).toBe('app');
    expect(scheme.privileges.standard).toBe(true);
    expect(scheme.privileges.secure).toBe(true);
    expect(scheme.privileges.bypassCSP).toBe(false);
    expect(scheme.privileges.allowServiceWorkers).toBe(false);
    expect(APP_ENTRY_URL).toBe('app://winkelpost/index.html');
  });

  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile('app://winkelpost/', '/r/dist')).toBe('/r/dist/index.html');
    expect(resolveAppFile('app://winkelpost/assets/a.js', '/r/dist/')).toBe('/r/dist/assets/a.js');
  });

  it('refuses escapes, other hosts and other schemes', () => {
    // The URL parser already folds a literal or %2e%2e segment back inside the folder.
    expect(resolveAppFile('app://winkelpost/%2e%2e/secret.key', '/r/dist')).toBe(
      '/r/dist/secret.key',
    );
    expect(resolveAppFile('app://winkelpost/assets/..%2f..%2fetc/passwd', '/r/dist')).toBeNull();
    expect(resolveAppFile('app://winkelpost/..%5C..%5Csecret.key', '/r/dist')).toBeNull();
    expect(resolveAppFile('app://winkelpost/a/..\\..\\b', '/r/dist')).toBeNull();
    expect(resolveAppFile('app://winkelpost/a%00.js', '/r/dist')).toBeNull();
    expect(resolveAppFile('app://evil/index.html', '/r/dist')).toBeNull();
    expect(resolveAppFile('file:///etc/passwd', '/r/dist')).toBeNull();
    expect(resolveAppFile('not a url', '/r/dist')).toBeNull();
  });
});

describe('navigation, new windows and openExternal (checklist: limit navigation)', () => {
  it('never navigates the window anywhere', () => {
    for (const url of ['https://winkelpost.nl', 'app://winkelpost/index.html', 'file:///etc']) {
      expect(isAllowedNavigation(url)).toBe(false);
    }
  });

  it('denies every new window; only https links go to the browser', () => {
    expect(windowOpenDecision('https://winkelpost.nl/credits')).toEqual({
      action: 'deny',
      openExternally: true,
    });
    expect(windowOpenDecision('app://winkelpost/index.html').openExternally).toBe(false);
  });

  it('opens only plain https URLs outside the app', () => {
    expect(isAllowedExternalUrl('https://winkelpost.nl/handleiding')).toBe(true);
    for (const url of [
      'http://winkelpost.nl',
      'file:///C:/Windows/system32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'https://user:pw@winkelpost.nl',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

describe('permissions and <webview> (checklist: permission handler, no webview)', () => {
  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(isPermissionAllowed(p)).toBe(false);
    }
  });

  it('never attaches a webview', () => {
    expect(isWebviewAllowed()).toBe(false);
  });
});

describe('IPC sender check (checklist: validate the sender)', () => {
  it('answers only frames of the app itself', () => {
    expect(isAllowedSenderUrl('app://winkelpost/index.html')).toBe(true);
    expect(isAllowedSenderUrl('app://winkelpost/index.html#/account')).toBe(true);
  });

  it('refuses the preview iframe, remote pages, files and missing URLs', () => {
    expect(isAllowedSenderUrl('app://winkelpost/_preview/m1')).toBe(false);
    expect(isAllowedSenderUrl('https://winkelpost.nl/')).toBe(false);
    expect(isAllowedSenderUrl('app://other/index.html')).toBe(false);
    expect(isAllowedSenderUrl('file:///app/index.html')).toBe(false);
    expect(isAllowedSenderUrl(undefined)).toBe(false);
    expect(isAllowedSenderUrl('')).toBe(false);
  });

  it('accepts a dev server only when one is configured', () => {
    expect(isAllowedSenderUrl('http://localhost:5173/')).toBe(false);
    expect(isAllowedSenderUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });
});

describe('data folder', () => {
  it('uses WINKELPOST_DATA_DIR when set, else Electron userData', () => {
    expect(desktopDataDir({ WINKELPOST_DATA_DIR: '/srv/wp' }, '/home/a/.config/Winkelpost')).toBe(
      '/srv/wp',
    );
    expect(desktopDataDir({}, '/home/a/.config/Winkelpost')).toBe('/home/a/.config/Winkelpost');
    expect(desktopDataDir({ WINKELPOST_DATA_DIR: '  ' }, '/u')).toBe('/u');
  });
});

describe('Electron itself (checklist: use a current Electron)', () => {
  it('is a supported major version, not downgraded', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../../node_modules/electron/package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(Number(pkg.version.split('.')[0])).toBeGreaterThanOrEqual(39);
  });
});
