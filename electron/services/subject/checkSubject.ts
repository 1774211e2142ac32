import type { SubjectCheckInputT, SubjectWarningT } from '../../contract/subject';
import { SPAM_PHRASES } from './spamWords';

/** What a phone's inbox shows before cutting off (iPhone Mail and Gmail, portrait). */
export const PHONE_SUBJECT_LENGTH = 45;
export const PHONE_TOP_LINE_LENGTH = 90;
/** Below this many letters a capital-heavy line is just an abbreviation ("H&M", "XL"). */
const MIN_LETTERS_FOR_RATIO = 6;
/** A word of this many letters or more in capitals shouts ("GRATIS", "SALE"). */
const SHOUTING_WORD_LETTERS = 4;

/** Removes accents so "exclusíef" and "exclusief" are the same word. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern per phrase; whole words only, so "geld" does not match "geldig". */
const SPAM_PATTERNS = SPAM_PHRASES.map((phrase) => ({
  phrase,
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(fold(phrase)).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
    'u',
  ),
}));

/** The spam-prone phrases in a line, longest first, without the words inside a longer match. */
export function findSpamPhrases(line: string): string[] {
  const folded = fold(line);
  const found = SPAM_PATTERNS.filter(({ pattern }) => pattern.test(folded)).map((p) => p.phrase);
  return found
    .sort((a, b) => b.length - a.length)
    .filter((phrase, i, all) => !all.slice(0, i).some((longer) => longer.includes(phrase)));
}

/** True when the line shouts: a long word in capitals, or mostly capitals overall. */
export function hasTooManyCapitals(line: string): boolean {
  const letters = [...line].filter((c) => /\p{L}/u.test(c));
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase());
  if (letters.length >= MIN_LETTERS_FOR_RATIO && upper.length / letters.length > 0.5) return true;
  return line
    .split(/[^\p{L}]+/u)
    .some(
      (word) =>
        word.length >= SHOUTING_WORD_LETTERS &&
        word === word.toUpperCase() &&
        word !== word.toLowerCase(),
    );
}

export function countExclamationMarks(line: string): number {
  return [...line].filter((c) => c === '!' || c === '¡').length;
}

function checkLine(
  field: SubjectWarningT['field'],
  line: string,
  maxLength: number,
): SubjectWarningT[] {
  const warnings: SubjectWarningT[] = [];
  const phrases = findSpamPhrases(line);
  if (phrases.length > 0) {
    warnings.push({
      field,
      code: 'spamWord',
      key: 'mailings:subjectWarnings.spamWord',
      params: { words: phrases.map((p) => `"${p}"`).join(', '), count: phrases.length },
    });
  }
  if (hasTooManyCapitals(line)) {
    warnings.push({ field, code: 'capitals', key: 'mailings:subjectWarnings.capitals' });
  }
  const exclamations = countExclamationMarks(line);
  if (exclamations > 1) {
    warnings.push({
      field,
      code: 'exclamations',
      key: 'mailings:subjectWarnings.exclamations',
      params: { count: exclamations },
    });
  }
  const length = [...line.trim()].length;
  if (length > maxLength) {
    warnings.push({
      field,
      code: 'tooLong',
      key: `mailings:subjectWarnings.${field === 'subject' ? 'subjectTooLong' : 'topLineTooLong'}`,
      params: { length, max: maxLength },
    });
  }
  return warnings;
}

/**
 * Advice for the subject and top line, as the shopkeeper types. Pure: the checklist reuses it.
 * Never blocks anything; an empty line gives no warnings (the checklist asks for a subject).
 */
export function checkSubject(input: SubjectCheckInputT): SubjectWarningT[] {
  return [
    ...checkLine('subject', input.subject, PHONE_SUBJECT_LENGTH),
    ...checkLine('topLine', input.topLine, PHONE_TOP_LINE_LENGTH),
  ];
}
