import { describe, expect, it } from 'vitest';
import { useMigrationStep } from '../../../helpers/migrationStep';
import { addMailing } from './rows';

describe('migration 0011_mailing_campaign_tags', () => {
  const step = useMigrationStep('0011_mailing_campaign_tags');

  it('keeps every mailing, with campaign tags off (links stay as they were sent)', () => {
    addMailing(step().sqlite, 'm', 'Kerstmenu');

    step().migrate();

    expect(
      step().sqlite.prepare("select subject, campaign_tags from mailings where id = 'm'").get(),
    ).toEqual({ subject: 'Kerstmenu', campaign_tags: 0 });
  });
});
