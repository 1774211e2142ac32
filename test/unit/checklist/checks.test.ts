import { describe, expect, it } from 'vitest';
import { creditsCheck, selectionCheck } from '../../../electron/services/checklist/audienceChecks';
import { toItem } from '../../../electron/services/checklist/check';

const DAY = 24 * 3_600_000;
const NOW = Date.UTC(2026, 11, 7, 9);

describe('checklist lines from checks', () => {
  it('derives the text key from id and outcome, and the fix link from the id', () => {
    expect(toItem({ id: 'selections', status: 'fail', outcome: 'none' }, 'm1')).toEqual({
      id: 'selections',
      status: 'fail',
      message: 'selections: none',
      key: 'sending:checklist.selections.none',
      fix: '#/mailings/m1/selecties',
    });
    expect(
      toItem({ id: 'credits', status: 'ok', outcome: 'ok', params: { needed: 2 } }, 'm1'),
    ).toMatchObject({
      key: 'sending:checklist.credits.ok',
      fix: '#/credits',
      params: { needed: 2 },
    });
  });

  it('sends a problem to where it is fixed when that is not the usual place, and keeps another area’s text', () => {
    expect(
      toItem({ id: 'footer', status: 'fail', outcome: 'detailsMissing', fixAt: 'account' }, 'm1')
        .fix,
    ).toBe('#/account');
    // A card of the account page by name: the shop's details, not the top of a long page.
    expect(
      toItem(
        { id: 'footer', status: 'fail', outcome: 'detailsMissing', fixAt: { account: 'shop' } },
        'm1',
      ).fix,
    ).toBe('#/account?section=shop');
    expect(
      toItem(
        {
          id: 'subject',
          status: 'warn',
          outcome: 'capitals',
          key: 'mailings:subjectWarnings.capitals',
        },
        'm1',
      ).key,
    ).toBe('mailings:subjectWarnings.capitals');
  });

  it('fails a selection older than two months, naming it', () => {
    const fresh = { description: 'Klanten december', createdAt: NOW - DAY };
    const old = { description: 'Klanten zomer', createdAt: NOW - 90 * DAY };
    expect(selectionCheck([fresh], NOW)).toEqual({
      id: 'selections',
      status: 'ok',
      outcome: 'ok',
      params: { count: 1 },
    });
    expect(selectionCheck([fresh, old], NOW)).toMatchObject({
      status: 'fail',
      outcome: 'tooOld',
      params: { names: 'Klanten zomer' },
    });
  });

  it('wants a linked account, then enough credits for everyone', () => {
    expect(creditsCheck({ needed: 10, perMail: 1, available: null })).toMatchObject({
      id: 'account',
      status: 'fail',
      outcome: 'missing',
    });
    expect(creditsCheck({ needed: 10, perMail: 1, available: 9 }).outcome).toBe('short');
    expect(creditsCheck({ needed: 10, perMail: 1, available: 10 }).status).toBe('ok');
  });
});
