import { describe, expect, it } from 'vitest';
import { useMigrationStep } from '../../../helpers/migrationStep';

describe('migration 0018_selection_importing', () => {
  const step = useMigrationStep('0018_selection_importing');

  it('keeps every selection from before visible (importing 0)', () => {
    step()
      .sqlite.prepare(
        `insert into selections (id, description, file_name, created_at, consent_confirmed_at)
         values ('s', 'Kassa', 'kassa.csv', 1, 1)`,
      )
      .run();
    step().migrate();
    expect(
      step().sqlite.prepare("select description, importing from selections where id = 's'").get(),
    ).toEqual({ description: 'Kassa', importing: 0 });
  });
});
