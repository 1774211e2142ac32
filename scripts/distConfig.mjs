// What `npm run dist` changes in electron-builder.yml for one brand and one environment.

/** Signing and notarization only when the credentials are there; unsigned builds still work. */
export function signingFromEnv(env) {
  const macCertificate = Boolean(env.CSC_LINK || env.CSC_NAME);
  const winCertificate = Boolean(env.WIN_CSC_LINK || env.CSC_LINK);
  const notarize = Boolean(
    (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) ||
    (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER),
  );
  return { macCertificate, winCertificate, notarize: notarize && macCertificate };
}

/**
 * The config handed to electron-builder: the committed electron-builder.yml, plus the brand's
 * identity and update feed. A brand without updateUrl gets no publish entry (no auto-update).
 */
export function distConfig(branding, env) {
  const signing = signingFromEnv(env);
  return {
    extends: './electron-builder.yml',
    appId: branding.appId,
    productName: branding.productName,
    extraMetadata: { productName: branding.productName },
    publish: branding.updateUrl ? { provider: 'generic', url: branding.updateUrl } : null,
    mac: { notarize: signing.notarize },
  };
}
