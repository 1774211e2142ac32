import { expect } from 'vitest';
import { failureText } from '../../../electron/services/selections/failureText';
import type { TestApp } from '../../helpers/testApp';

/**
 * A file as a shop exported it, imported through the real channels into the test app's SQLite
 * file: each stored contact as its row number, address and variables.
 */
export async function importedContacts(
  t: TestApp,
  fileName: string,
  bytes: Buffer,
  sheet?: string,
) {
  const result = await t.call('selections.import', {
    fileName,
    dataBase64: bytes.toString('base64'),
    sheet,
    description: fileName,
    consent: true,
  });
  const detail = await t.call('selections.get', { id: result.selectionId });
  return {
    result,
    contacts: detail.contacts.map(
      (c): { row: number; email: string } & Record<string, string | number> => ({
        row: c.rowNumber,
        email: c.email,
        ...c.data,
      }),
    ),
  };
}

/** A refused file: nothing stored, and the message the shop reads in Dutch. */
export async function refusedInDutch(t: TestApp, fileName: string, bytes: Buffer) {
  const envelope = await t.app.handlers['selections.import']({
    fileName,
    dataBase64: bytes.toString('base64'),
    description: fileName,
    consent: true,
  });
  if (envelope.ok) throw new Error(`${fileName} was imported, expected a refusal`);
  const stored = t.app.context.database.sqlite
    .prepare('select (select count(*) from contacts) + (select count(*) from selections) as n')
    .get() as { n: number };
  expect(stored.n, 'nothing stored').toBe(0);
  const { key, params } = envelope.error;
  return { key, dutch: failureText(key ?? '', params ?? {}, 'nl') };
}
