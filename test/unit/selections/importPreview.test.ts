import { describe, expect, it } from 'vitest';
import { openImportSource } from '../../../electron/services/selections/parse/importSource';

describe('the import preview', () => {
  it('shows the first data rows in order, none left out after the header search', async () => {
    const lines = [
      'email;naam',
      ...Array.from({ length: 30 }, (_, i) => `k${i + 1}@x.nl;K${i + 1}`),
    ];
    const source = await openImportSource('klanten.csv', Buffer.from(lines.join('\r\n') + '\r\n'));
    expect(source.preview.map((cells) => cells[0])).toEqual(
      Array.from({ length: source.preview.length }, (_, i) => `k${i + 1}@x.nl`),
    );
    expect(source.preview.length).toBeGreaterThanOrEqual(10);
  });
});
