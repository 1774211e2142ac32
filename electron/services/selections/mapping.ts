import type { ColumnTargetT } from '../../contract/selections';
import type { AppContext } from '../core/appContext';
import { isValidEmail } from '../suppression/email';
import { importError } from './importError';
import { headerSignature, isSpecialCategory, recogniseHeader, variableNames } from './headers';
import { selectionStoreOf } from './selectionStore';

export interface ColumnPlan {
  index: number;
  header: string;
  variable: string;
  target: ColumnTargetT;
  specialCategory: boolean;
}

export interface BlockingProblem {
  key: string;
  params: Record<string, string>;
}

/**
 * The mapping to use: the one given, else the one remembered for files of this shape, else one
 * proposed from the headers (recognised names; special-category columns left out; the rest extra).
 */
export function resolveMapping(
  context: AppContext,
  header: string[],
  given: ColumnTargetT[] | undefined,
  preview: string[][] = [],
): { columns: ColumnPlan[]; remembered: boolean } {
  const variables = variableNames(header);
  const special = header.map(isSpecialCategory);
  let targets: ColumnTargetT[];
  let remembered = false;
  if (given) {
    if (given.length !== header.length)
      throw importError('mappingMismatch', 'The mapping does not fit the columns of the file');
    targets = given;
  } else {
    const stored = readRememberedMapping(context, header);
    remembered = stored !== undefined;
    targets = stored ?? proposeTargets(header, special, preview);
  }
  return {
    columns: header.map((h, index) => ({
      index,
      header: h,
      variable: variables[index]!,
      target: targets[index]!,
      specialCategory: special[index]!,
    })),
    remembered,
  };
}

function proposeTargets(
  header: string[],
  special: boolean[],
  preview: string[][],
): ColumnTargetT[] {
  const taken = new Set<ColumnTargetT>();
  const targets = header.map((h, i): ColumnTargetT => {
    if (special[i]) return 'ignore';
    const target = recogniseHeader(h);
    if (target && !taken.has(target)) {
      taken.add(target);
      return target;
    }
    // A column without a name but with values is kept (as kolom_N): nothing is left out unseen.
    const unnamedAndEmpty =
      h.trim() === '' && preview.every((cells) => (cells[i] ?? '').trim() === '');
    return unnamedAndEmpty ? 'ignore' : 'extra';
  });
  // An unrecognised header ("Correspondentie") whose values are mostly addresses is the e-mail column.
  if (!taken.has('email')) {
    const guess = emailColumnByContent(preview, header.length);
    if (guess !== undefined && targets[guess] === 'extra') targets[guess] = 'email';
  }
  return targets;
}

function emailColumnByContent(preview: string[][], width: number): number | undefined {
  if (preview.length === 0) return undefined;
  let best: { index: number; share: number } | undefined;
  for (let index = 0; index < width; index += 1) {
    const valid = preview.filter((cells) => isValidEmail((cells[index] ?? '').trim())).length;
    const share = valid / preview.length;
    if (share >= 0.6 && (!best || share > best.share)) best = { index, share };
  }
  return best?.index;
}

/** What stops an import: no e-mail column, or one variable filled from two columns. */
export function mappingProblems(columns: ColumnPlan[]): BlockingProblem[] {
  const problems: BlockingProblem[] = [];
  if (!columns.some((c) => c.target === 'email'))
    problems.push({ key: 'selections:errors.noEmailColumn', params: {} });
  const seen = new Set<string>();
  for (const column of columns) {
    if (column.target === 'extra' || column.target === 'ignore') continue;
    if (seen.has(column.target))
      problems.push({
        key: 'selections:errors.duplicateTarget',
        params: { variable: column.target },
      });
    seen.add(column.target);
  }
  return problems;
}

function readRememberedMapping(context: AppContext, header: string[]): ColumnTargetT[] | undefined {
  const targets = selectionStoreOf(context.database.sqlite).rememberedMapping(
    headerSignature(header),
  );
  if (!targets) return undefined;
  return Array.isArray(targets) && targets.length === header.length ? targets : undefined;
}

export function rememberMapping(
  context: AppContext,
  header: string[],
  columns: ColumnPlan[],
): void {
  selectionStoreOf(context.database.sqlite).rememberMapping(
    headerSignature(header),
    columns.map((c) => c.target),
    context.clock.now(),
  );
}
