import { unwrap } from '../../electron/contract';
import type { TestApp } from '../helpers/testApp';
import type { AppFixture } from './fixtures';

/** The e2e fixture's app as the integration seed helpers (seedMailing, linkTracker) take it. */
export function fixtureTestApp(winkelpost: AppFixture): TestApp {
  return {
    app: winkelpost.app,
    clock: winkelpost.clock,
    dataDir: winkelpost.dataDir,
    call: async (channel: string, input: unknown) =>
      unwrap(await winkelpost.app.handlers[channel as 'settings.get'](input as never)),
  } as unknown as TestApp;
}
