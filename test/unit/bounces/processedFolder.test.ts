import { describe, expect, it } from 'vitest';
import { processedFolder } from '../../../electron/services/bounces/bounceMailbox';

describe('the folder for processed bounces', () => {
  it('carries the product name the shop knows', () => {
    expect(processedFolder('Winkelpost')).toEqual(['Winkelpost', 'verwerkt']);
    expect(processedFolder('Kassapost')).toEqual(['Kassapost', 'verwerkt']);
  });

  it('leaves out the characters IMAP servers use between folder levels', () => {
    expect(processedFolder('Kassa.post / Plus')).toEqual(['Kassa post Plus', 'verwerkt']);
    expect(processedFolder('...')).toEqual(['Winkelpost', 'verwerkt']);
  });
});
