import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../../../electron/services/segments/typedValues';
import { schemaNames, useMigrationStep } from '../../../helpers/migrationStep';
import { T0 } from './rows';

describe('migration 0012_segments', () => {
  const step = useMigrationStep('0012_segments');

  it('adds the segment tables; a selection imported before is typed on first use', () => {
    const before = step().sqlite;
    before
      .prepare(
        `insert into selections (id, description, file_name, created_at, consent_confirmed_at)
         values ('oud', 'Oud', 'oud.csv', ?, ?)`,
      )
      .run(T0, T0);
    before
      .prepare(
        `insert into contacts (selection_id, email, normalized_email, data, row_number)
         values ('oud', 'a@example.nl', 'a@example.nl', ?, 2)`,
      )
      .run(JSON.stringify({ email: 'a@example.nl', punten: '1.250', plaats: 'Utrecht' }));
    expect(schemaNames(before, 'table')).not.toContain('contact_fields');

    step().migrate();
    const { sqlite } = step();
    for (const table of [
      'contact_fields',
      'selection_column_types',
      'mailing_segments',
      'saved_segments',
    ])
      expect(schemaNames(sqlite, 'table')).toContain(table);
    expect(columnsOf(sqlite, ['oud']).get('oud')).toEqual({
      punten: { type: 'number', slot: 'v0' },
      plaats: { type: 'text', slot: 't0' },
    });
    expect(sqlite.prepare('select v0, t0 from contact_fields').get()).toEqual({
      v0: 1250,
      t0: 'utrecht',
    });
  });
});
