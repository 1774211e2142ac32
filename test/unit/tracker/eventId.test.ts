import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newEventId } from '../../../tracker/eventId';

describe('newEventId', () => {
  it('is a valid version 7 UUID carrying the receipt time', () => {
    const at = Date.UTC(2026, 10, 21, 12, 0, 0, 123);
    const id = newEventId(at);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts later events after earlier ones, so inserts append to the id index', () => {
    const start = Date.UTC(2026, 10, 21);
    const ids = Array.from({ length: 1000 }, (_, i) => newEventId(start + i));
    expect([...ids].sort()).toEqual(ids);
  });

  it('differs between events received in the same millisecond', () => {
    const at = Date.UTC(2026, 10, 21);
    const ids = new Set(Array.from({ length: 1000 }, () => newEventId(at)));
    expect(ids.size).toBe(1000);
  });
});
