import { describe, expect, it } from 'vitest';
import {
  BEHAVIOUR,
  fromSegment,
  newCondition,
  toSegment,
  type DraftCondition,
} from '../../../renderer/src/pages/mailings/steps/segments/segmentDraft';

const draftOf = (...conditions: Partial<DraftCondition>[]) => ({
  match: 'any' as const,
  conditions: conditions.map((c) => ({ ...newCondition('kolom', 'text'), ...c })),
});

describe('the condition editor turns what the shop types into a segment', () => {
  it('reads Dutch numbers and dates, and leaves incomplete conditions out', () => {
    const segment = toSegment(
      draftOf(
        { column: 'bedrag', kind: 'number', op: 'between', value: '€ 10', to: '12,50' },
        { column: 'punten', kind: 'number', op: 'gte', value: 'veel' },
        { column: 'aankoop', kind: 'date', op: 'before', value: '17-05-2026' },
        { column: 'geboren', kind: 'date', op: 'inMonth', value: '' },
        { column: 'plaats', kind: 'text', op: 'empty', value: '' },
      ),
    );
    expect(segment).toEqual({
      match: 'any',
      conditions: [
        { kind: 'number', column: 'bedrag', op: 'between', value: 10, to: 12.5 },
        { kind: 'date', column: 'aankoop', op: 'before', day: '2026-05-17' },
        { kind: 'text', column: 'plaats', op: 'empty', value: '' },
      ],
    });
  });

  it('has no segment while no condition is complete', () => {
    expect(toSegment(draftOf({ kind: 'text', op: 'is', value: '  ' }))).toBeNull();
    expect(toSegment(draftOf({ column: BEHAVIOUR, kind: 'behaviour', op: 'opened' }))).toBeNull();
  });

  it('shows a stored segment again as typed, and applies it unchanged', () => {
    const stored = {
      match: 'all' as const,
      conditions: [
        { kind: 'number' as const, column: 'bedrag', op: 'gte' as const, value: 1234.5 },
        { kind: 'date' as const, column: 'aankoop', op: 'after' as const, day: '2026-01-31' },
        { kind: 'date' as const, column: 'geboren', op: 'inMonth' as const, month: 5 },
        { kind: 'behaviour' as const, op: 'notOpened' as const, mailingId: 'm1' },
      ],
    };
    const draft = fromSegment(stored);
    expect(draft.conditions.map((c) => c.value)).toEqual(['1234,5', '31-01-2026', '5', 'm1']);
    expect(toSegment(draft)).toEqual(stored);
  });
});
