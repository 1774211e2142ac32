import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoredSettings } from './settingsService';

const RelayPart = z.object({
  smtpRelay: z
    .object({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535),
      security: z.enum(['tls', 'starttls']),
    })
    .nullable()
    .default(null),
});

/**
 * The SMTP settings a brand's relay gives a shop that has not saved its own: host, port and
 * security, so the shopkeeper fills in only the user name and password. Never a password.
 * They are defaults, so a shop's saved SMTP settings always win over them.
 */
export function relaySmtpDefaults(
  resourcesDir: string,
  brandName: string,
): Pick<StoredSettings, 'smtp'> | Record<string, never> {
  const raw: unknown = JSON.parse(
    readFileSync(join(resourcesDir, 'branding', `${brandName}.json`), 'utf8'),
  );
  const parsed = RelayPart.safeParse(raw);
  const relay = parsed.success ? parsed.data.smtpRelay : null;
  if (!relay) return {};
  return { smtp: { host: relay.host, port: relay.port, security: relay.security, user: '' } };
}
