import { z } from 'zod';
import { channel } from './channel';
import { Empty, Id, Timestamp } from './common';
import { MAX_IMPORT_BYTES } from './plain/importLimits';
import { STANDARD_VARIABLES } from './plain/variables';

/** The variables a column can fill (DESIGN.md, the mailing document), plus extra and ignore. */
export const KNOWN_VARIABLES = STANDARD_VARIABLES;
export const ColumnTarget = z.enum([...KNOWN_VARIABLES, 'extra', 'ignore']);
export type ColumnTargetT = z.infer<typeof ColumnTarget>;

/** Largest file accepted (plain, so the import worker needs no zod). */
export { MAX_IMPORT_BYTES };

/** One target per column, left to right. */
export const ColumnMapping = z.array(ColumnTarget).max(200);

/** Browser mode: the id PUT /api/upload answered for the file's bytes. */
export const UploadId = z.string().uuid();

const ImportFile = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** Electron: the chosen or dropped file's path (the preload gives it); the import worker reads it. */
  filePath: z.string().min(1).max(4096).optional(),
  /** Browser mode: the file as uploaded once (PUT /api/upload), for the analysis and the import. */
  uploadId: UploadId.optional(),
  /**
   * The file's bytes as base64: for tests and scripts with small files only (the app's window
   * uses filePath or uploadId). Its size is checked by the service so it gets a clear message.
   */
  dataBase64: z.string().optional(),
  mapping: ColumnMapping.optional(),
  /** Of a workbook with several sheets: the one to read (default the first). */
  sheet: z.string().max(255).optional(),
});

/** Exactly one of filePath, uploadId and dataBase64 names the file. */
function oneSource(input: { filePath?: string; uploadId?: string; dataBase64?: string }) {
  return (
    [input.filePath, input.uploadId, input.dataBase64].filter((v) => v !== undefined).length === 1
  );
}
const ONE_SOURCE = { message: 'selections:errors.noFile' };

export const AnalyzedColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  /** The [[name]] an extra column gets. */
  variable: z.string(),
  target: ColumnTarget,
  /** The name suggests special-category data (health, religion, politics, …): not imported by default. */
  specialCategory: z.boolean(),
});

export const RowRejection = z.object({
  row: z.number().int(),
  reason: z.enum([
    'missingEmail',
    'invalidEmail',
    'internationalEmail',
    'formula',
    'multipleEmails',
    'noMarketingConsent',
    'repeatedHeader',
    'mailchimpUnsubscribed',
    'mailchimpCleaned',
  ]),
  value: z.string(),
});
export const RowDuplicate = z.object({
  row: z.number().int(),
  email: z.string(),
  firstRow: z.number().int(),
});
export const RowSuppressed = z.object({
  row: z.number().int(),
  email: z.string(),
  reason: z.string(),
});

/** What a file would give (preview) or gave (import). Lists stop at 1000 entries; counts do not. */
export const ImportCounts = z.object({
  rows: z.number().int(),
  imported: z.number().int(),
  rejectedCount: z.number().int(),
  rejected: z.array(RowRejection),
  duplicateCount: z.number().int(),
  duplicates: z.array(RowDuplicate),
  alreadySuppressedCount: z.number().int(),
  alreadySuppressed: z.array(RowSuppressed),
  /** Cells that started with = + - @: stored as plain text, never evaluated. */
  formulaCells: z.number().int(),
});

export const ImportAnalysis = ImportCounts.extend({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'utf-16', 'windows-1252', 'macintosh']).nullable(),
  delimiter: z.enum([';', ',', '\t', '|']).nullable(),
  /** Of a workbook: every sheet's name and the one read. */
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  /** Things to check before importing (i18n keys), such as text that may be read wrongly. */
  warnings: z.array(z.string()),
  columns: z.array(AnalyzedColumn),
  /** The mapping came from an earlier file with the same columns. */
  mappingRemembered: z.boolean(),
  sampleRows: z.array(z.array(z.string())),
  /** Problems that block the import (no e-mail column, two columns for one variable). */
  blocking: z.array(z.object({ key: z.string(), params: z.record(z.string(), z.string()) })),
});
export type ImportAnalysisT = z.infer<typeof ImportAnalysis>;

export const ImportResult = ImportCounts.extend({ selectionId: Id, description: z.string() });
export type ImportResultT = z.infer<typeof ImportResult>;

export const SelectionSummary = z.object({
  id: Id,
  createdAt: Timestamp,
  description: z.string(),
  fileName: z.string(),
  count: z.number().int(),
  /** Younger than two months: can be chosen for a mailing. */
  usable: z.boolean(),
  usableUntil: Timestamp,
  /** Removed with its contacts at this moment (three months). */
  removedAt: Timestamp,
  /** Its columns with the type read from their cells at import (empty until typed). */
  columns: z.array(z.object({ name: z.string(), type: z.enum(['number', 'date', 'text']) })),
});
export type SelectionSummaryT = z.infer<typeof SelectionSummary>;

export const SelectionContact = z.object({
  id: z.number().int(),
  email: z.string(),
  rowNumber: z.number().int(),
  data: z.record(z.string(), z.string()),
});

export const SelectionDetail = SelectionSummary.extend({
  consentConfirmedAt: Timestamp,
  variables: z.array(z.string()),
  /** Each variable's type, read from its cells at import (number, date or text). */
  columnTypes: z.record(z.string(), z.enum(['number', 'date', 'text'])),
  contacts: z.array(SelectionContact),
});

export const FetchNewResult = z.object({
  imported: z.array(ImportResult.extend({ fileName: z.string() })),
  /** Files an active till automation will take (Mailings - Automatisch): left in the folder. */
  leftForAutomation: z.array(z.string()),
  failed: z.array(
    z.object({
      fileName: z.string(),
      key: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});

const SkippedEntry = z.object({
  email: z.string(),
  selection: z.string(),
  detail: z.string(),
});

export const RecipientsSummary = z.object({
  selectionIds: z.array(Id),
  fairUseHours: z.number().int(),
  recipientCount: z.number().int(),
  duplicateCount: z.number().int(),
  suppressedCount: z.number().int(),
  recentlyMailedCount: z.number().int(),
  /** Contacts of the selections left out by the mailing's segment (0 without one). */
  outsideSegmentCount: z.number().int(),
  /** The lists behind the counts (at most 1000 each). */
  recipients: z.array(
    z.object({ email: z.string(), contactId: z.number().int(), name: z.string() }),
  ),
  duplicates: z.array(SkippedEntry),
  suppressed: z.array(SkippedEntry),
  recentlyMailed: z.array(SkippedEntry),
});
export type RecipientsSummaryT = z.infer<typeof RecipientsSummary>;

/** Given once per import: these customers gave permission (AVG). Recorded with the selection. */
const Consent = z.literal(true, { message: 'selections:errors.consent' });

export const selectionsChannels = {
  /** Reads the file and proposes a mapping; writes nothing. */
  'selections.analyze': channel(ImportFile.strict().refine(oneSource, ONE_SOURCE), ImportAnalysis),
  'selections.import': channel(
    ImportFile.extend({
      description: z
        .string()
        .trim()
        .min(1, { message: 'selections:errors.description' })
        .max(200, { message: 'selections:errors.description' }),
      consent: Consent,
    })
      .strict()
      .refine(oneSource, ONE_SOURCE),
    ImportResult,
  ),
  /** Browser mode: the shop closed the import without importing; its upload is removed. */
  'selections.discardUpload': channel(z.object({ uploadId: UploadId }).strict(), Empty),
  'selections.fetchNew': channel(z.object({ consent: Consent }).strict(), FetchNewResult),
  'selections.list': channel(Empty, z.array(SelectionSummary)),
  'selections.get': channel(
    z
      .object({
        id: Id,
        limit: z.number().int().min(0).max(1000).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    SelectionDetail,
  ),
  'mailings.setSelections': channel(
    z.object({ id: Id, selectionIds: z.array(Id).max(100) }).strict(),
    RecipientsSummary,
  ),
  /** Step 3: who would receive the mailing now, and who is skipped and why. */
  'mailings.recipients': channel(z.object({ id: Id }).strict(), RecipientsSummary),
};
