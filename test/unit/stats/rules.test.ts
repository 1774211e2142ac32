import { describe, expect, it } from 'vitest';
import {
  NO_OUTCOME,
  outcomeOfRemaining,
  withOutcome,
} from '../../../electron/services/stats/rules/outcomes';
import { NO_COUNTERS, PeopleDelta } from '../../../electron/services/stats/rules/peopleCounts';

describe('the statistics rules', () => {
  it('keeps the first unsubscribe and complaint, and lets a hard bounce outrank a soft one', () => {
    const soft = withOutcome(NO_OUTCOME, { kind: 'bounce_soft', at: 10, detail: '452 vol' });
    expect(soft).toMatchObject({ bounce: 'soft', bounceAt: 10, bounceDetail: '452 vol' });
    const hard = withOutcome(soft, { kind: 'bounce_hard', at: 20, detail: '550 onbekend' });
    expect(hard).toMatchObject({ bounce: 'hard', bounceAt: 20, bounceDetail: '550 onbekend' });
    expect(withOutcome(hard, { kind: 'bounce_soft', at: 30, detail: '421' })).toEqual(hard);

    const unsubscribed = withOutcome(NO_OUTCOME, { kind: 'unsubscribe', at: 5, detail: '' });
    const again = withOutcome(unsubscribed, { kind: 'unsubscribe', at: 6, detail: '' });
    expect(again.unsubscribedAt).toBe(5);
    expect(withOutcome(again, { kind: 'complaint', at: 7, detail: '' }).complainedAt).toBe(7);
  });

  it('after an undo, takes the first hard bounce left, else the first soft one, and keeps the unsubscribe', () => {
    const before = { ...NO_OUTCOME, unsubscribedAt: 3, bounce: 'hard' as const, bounceAt: 9 };
    expect(
      outcomeOfRemaining(before, {
        bounce: { kind: 'bounce_soft', at: 4, detail: '452' },
        firstComplaintAt: null,
      }),
    ).toEqual({
      unsubscribedAt: 3,
      complainedAt: null,
      bounce: 'soft',
      bounceAt: 4,
      bounceDetail: '452',
    });
    expect(
      outcomeOfRemaining(before, { bounce: undefined, firstComplaintAt: null }).bounce,
    ).toBeNull();
  });

  it('counts a person once, and moves them from machine to human when they click themselves', () => {
    const people = new PeopleDelta();
    const machineOnly = { ...NO_COUNTERS, machineOpens: 2 };
    people.add(NO_COUNTERS, machineOnly);
    expect(people).toMatchObject({ openers: 0, machineOpeners: 1 });
    people.add(machineOnly, { ...machineOnly, opens: 1 });
    people.add({ ...machineOnly, opens: 1 }, { ...machineOnly, opens: 2 });
    expect(people).toMatchObject({ openers: 1, machineOpeners: 0, clickers: 0 });
    people.addOpensAndClicks(2, 0, 2, 0, 2, 1, 2, 0);
    expect(people).toMatchObject({ openers: 1, clickers: 1 });
    people.add(NO_COUNTERS, { ...NO_COUNTERS, bounce: 'soft' });
    people.add({ ...NO_COUNTERS, bounce: 'soft' }, { ...NO_COUNTERS, bounce: 'hard' });
    expect(people).toMatchObject({ bouncesSoft: 0, bouncesHard: 1 });
  });
});
