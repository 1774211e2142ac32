import type { App } from '../../electron/app';
import { unwrap } from '../../electron/contract';

/** As a shop that has been through the first start: the agreements are accepted. */
export async function acceptAgreements(app: App): Promise<void> {
  const state = unwrap(await app.handlers['desktop.agreements.get']({})) as {
    version: string;
    mustAccept: boolean;
  };
  // Accepted already (a restart over the same data): keep the moment it was accepted.
  if (!state.mustAccept) return;
  unwrap(await app.handlers['desktop.agreements.accept']({ version: state.version }));
}
