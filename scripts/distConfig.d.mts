export function signingFromEnv(env: Record<string, string | undefined>): {
  macCertificate: boolean;
  winCertificate: boolean;
  notarize: boolean;
};
export function distConfig(
  branding: { appId: string; productName: string; updateUrl: string },
  env: Record<string, string | undefined>,
): Record<string, unknown>;
