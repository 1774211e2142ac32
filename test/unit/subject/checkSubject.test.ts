import { describe, expect, it } from 'vitest';
import {
  checkSubject,
  countExclamationMarks,
  findSpamPhrases,
  hasTooManyCapitals,
  PHONE_SUBJECT_LENGTH,
} from '../../../electron/services/subject/checkSubject';
import { createSubjectHandlers } from '../../../electron/services/subject/subjectHandlers';

const codes = (subject: string, topLine = '') =>
  checkSubject({ subject, topLine }).map((w) => `${w.field}:${w.code}`);

describe('checkSubject', () => {
  it('warns about "GRATIS!!!" for a spam word, capitals and exclamation marks', () => {
    const warnings = checkSubject({ subject: 'GRATIS!!!', topLine: '' });
    expect(warnings.map((w) => w.code)).toEqual(['spamWord', 'capitals', 'exclamations']);
    expect(warnings[0]).toMatchObject({
      field: 'subject',
      key: 'mailings:subjectWarnings.spamWord',
      params: { words: '"gratis"', count: 1 },
    });
    expect(warnings[2]?.params).toEqual({ count: 3 });
  });

  it('gives no advice for a calm, short subject or an empty one', () => {
    expect(codes('Nieuwe wintercollectie bij Mode Marijke')).toEqual([]);
    expect(codes('')).toEqual([]);
    expect(codes('Je waardebon is geldig tot 1 maart')).toEqual([]);
  });

  it('finds Dutch and English phrases as whole words, across capitals, accents and spaces', () => {
    expect(findSpamPhrases('Koop  nu je jas')).toEqual(['koop nu']);
    expect(findSpamPhrases('Exclusíef aanbod voor jou')).toEqual(['exclusief aanbod']);
    expect(findSpamPhrases('Buy now: FREE shipping')).toEqual(['buy now', 'free']);
    expect(findSpamPhrases('Discounts on coats')).toEqual(['discounts']);
    // "geld" inside "geldig" and "free" inside "freestyle" are not the spam words.
    expect(findSpamPhrases('Geldig tot zondag, freestyle jeans')).toEqual([]);
  });

  it('counts a shouting word or a mostly-capital line as too many capitals, not an abbreviation', () => {
    expect(hasTooManyCapitals('Grote SALE in de winkel')).toBe(true);
    expect(hasTooManyCapitals('NIEUW BINNEN bij ons')).toBe(true);
    expect(hasTooManyCapitals('Nieuw bij H&M en XL-maten')).toBe(false);
    expect(hasTooManyCapitals('Welkom bij Mode Marijke')).toBe(false);
  });

  it('allows one exclamation mark, warns from two', () => {
    expect(countExclamationMarks('Welkom!')).toBe(1);
    expect(codes('Welkom!')).toEqual([]);
    expect(codes('Welkom! Kom langs!')).toEqual(['subject:exclamations']);
  });

  it('warns when the subject or top line is longer than a phone shows', () => {
    const exact = 'a'.repeat(PHONE_SUBJECT_LENGTH);
    expect(codes(exact)).toEqual([]);
    const warnings = checkSubject({ subject: `${exact}b`, topLine: 'c'.repeat(91) });
    expect(warnings).toEqual([
      {
        field: 'subject',
        code: 'tooLong',
        key: 'mailings:subjectWarnings.subjectTooLong',
        params: { length: PHONE_SUBJECT_LENGTH + 1, max: PHONE_SUBJECT_LENGTH },
      },
      {
        field: 'topLine',
        code: 'tooLong',
        key: 'mailings:subjectWarnings.topLineTooLong',
        params: { length: 91, max: 90 },
      },
    ]);
  });

  it('checks the top line on its own and names its field', () => {
    expect(codes('Nieuws van de winkel', 'Klik hier voor je geld terug!!')).toEqual([
      'topLine:spamWord',
      'topLine:exclamations',
    ]);
    const [spam] = checkSubject({ subject: '', topLine: 'Klik hier voor je geld terug' });
    expect(spam?.params?.words).toBe('"geld terug", "klik hier"');
  });

  it('is served as mailings.checkSubject', async () => {
    const handlers = createSubjectHandlers();
    const result = await handlers['mailings.checkSubject']({ subject: 'GRATIS!!!', topLine: '' });
    expect(result.warnings.map((w) => w.code)).toContain('spamWord');
  });
});
