import { afterEach, describe, expect, it } from 'vitest';
import {
  addressesOnly,
  IncrementalRecipients,
  SELECTION_CONTACTS_MAX_AGE_MS,
} from '../../../electron/services/recipients/incrementalRecipients';
import { resolveRecipients } from '../../../electron/services/selections/recipients';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fakeResolver, importAndAttach, recipientAddress, seedMailing } from '../sending/seed';

/**
 * The kept contacts (addresses only) and de-duplication give exactly the answer of a full
 * recount, whatever changed in between: suppression, attach and detach, erasure, a contact's
 * address or data, and the age limit.
 */
describe('recipients from kept contacts', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('agrees with a full recount after every kind of change', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const app = t;
    const { mailingId } = await seedMailing(app, { smtpPort: 2525, count: 6 });
    const context = app.app.context;
    const incremental = new IncrementalRecipients(context);
    const agrees = () => {
      const kept = incremental.resolve(mailingId);
      expect(kept).toEqual(addressesOnly(resolveRecipients(context, mailingId)));
      return kept;
    };
    expect(agrees().recipients).toHaveLength(6);

    const extra = await importAndAttach(app, mailingId, [
      'email;naam',
      'nieuw@example.nl;Nieuw',
      `${recipientAddress(1)};Dubbel`,
    ]);
    expect(agrees().skipped.duplicates).toHaveLength(1);

    context.suppression.suppress(recipientAddress(2), 'manual', 'app');
    expect(agrees().skipped.suppressed).toHaveLength(1);

    await app.call('contacts.erase', {
      email: recipientAddress(3),
      confirm: true,
      keepBlocked: false,
    });
    expect(agrees().recipients.map((r) => r.email)).not.toContain(recipientAddress(3));

    context.database.sqlite
      .prepare(
        `update contacts set email = 'ander@example.nl', normalized_email = 'ander@example.nl'
        where normalized_email = ?`,
      )
      .run(recipientAddress(4));
    expect(agrees().recipients.map((r) => r.email)).toContain('ander@example.nl');

    await app.call('mailings.setSelections', { id: mailingId, selectionIds: [extra.selectionId] });
    expect(agrees().recipients).toHaveLength(2);

    // A change the version cannot see (another connection) is read again after the age limit.
    const elsewhere = `update contacts set email = 'elders@example.nl',
      normalized_email = 'elders@example.nl' where normalized_email = 'nieuw@example.nl'`;
    const triggers = context.database.sqlite
      .prepare(
        `select name from sqlite_temp_master where type = 'trigger' and name like 'contacts_version_%'`,
      )
      .pluck()
      .all() as string[];
    for (const name of triggers) context.database.sqlite.exec(`drop trigger temp.${name}`);
    context.database.sqlite.exec(elsewhere);
    expect(incremental.resolve(mailingId).recipients[0]?.email).toBe('nieuw@example.nl');
    app.clock.advance(SELECTION_CONTACTS_MAX_AGE_MS);
    expect(agrees().recipients[0]?.email).toBe('elders@example.nl');
  });
});
