import { describe, expect, it } from 'vitest';
import {
  mayRestartForUpdate,
  shouldCheckForUpdates,
  updateFeedUrl,
  updateReadyDecision,
} from '../../../electron/main/updatePolicy';

describe('update policy', () => {
  it('takes the feed only from an https URL in the branding', () => {
    expect(updateFeedUrl('https://updates.kassapartner.nl/winkelpost/')).toBe(
      'https://updates.kassapartner.nl/winkelpost/',
    );
    for (const url of [
      undefined,
      '',
      'http://updates.example.nl',
      'https://u:p@x.nl',
      'nonsense',
    ]) {
      expect(updateFeedUrl(url), String(url)).toBeNull();
    }
  });

  it('never asks to restart while a send runs, and asks only once', () => {
    expect(updateReadyDecision({ sendRunning: true, asked: false })).toBe('wait');
    expect(updateReadyDecision({ sendRunning: false, asked: false })).toBe('ask');
    expect(updateReadyDecision({ sendRunning: false, asked: true })).toBe('none');
  });

  it('restarts only with a yes and no send running at that moment', () => {
    expect(mayRestartForUpdate({ userAccepted: true, sendRunning: false })).toBe(true);
    expect(mayRestartForUpdate({ userAccepted: false, sendRunning: false })).toBe(false);
    expect(mayRestartForUpdate({ userAccepted: true, sendRunning: true })).toBe(false);
  });

  it('checks only in packaged builds with a feed', () => {
    const feedUrl = 'https://updates.example.nl/';
    expect(shouldCheckForUpdates({ packaged: true, feedUrl, env: {} })).toBe(true);
    expect(shouldCheckForUpdates({ packaged: false, feedUrl, env: {} })).toBe(false);
    expect(shouldCheckForUpdates({ packaged: true, feedUrl: null, env: {} })).toBe(false);
    expect(
      shouldCheckForUpdates({ packaged: true, feedUrl, env: { WINKELPOST_NO_UPDATES: '1' } }),
    ).toBe(false);
  });
});
