import { describe, expect, it } from 'vitest';
import { fillSampleCustomer } from '../../../electron/contract/plain/variables';

describe('subjects shown in the app', () => {
  it('fill in the sample customer, as the preview does', () => {
    expect(fillSampleCustomer('Hallo [[voornaam]], uw bon')).toBe('Hallo Jan, uw bon');
    expect(fillSampleCustomer('Voor [[ Naam ]]')).toBe('Voor Jan Jansen');
  });
  it('keep a fallback for a column only the selection has, and leave the rest as written', () => {
    expect(fillSampleCustomer('Uw [[lievelingskleur|favoriete]] jas')).toBe('Uw favoriete jas');
    expect(fillSampleCustomer('Uw [[lievelingskleur]] jas')).toBe('Uw [[lievelingskleur]] jas');
    expect(fillSampleCustomer('Geen variabelen')).toBe('Geen variabelen');
  });
});
