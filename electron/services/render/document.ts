import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  BLOCK_TYPES,
  DOCUMENT_VERSION,
  MailingDocument,
  isAllowedLink,
  type BlockT,
  type BlockType,
  type MailingDocumentT,
  type RichTextT,
} from '../../contract/mailingDocument';
import { DomainError, ERROR_CODES, type FieldIssue } from '../../contract/envelope';
import { richTextLinks } from './lexical';

/**
 * Upgrades a stored or imported document to the current version. Version 0 (early drafts) kept
 * block fields under `props` and had no settings; newer versions than this app knows are refused
 * rather than half-understood.
 */
export function migrate(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const doc = { ...(raw as Record<string, unknown>) };
  const version = typeof doc.version === 'number' ? doc.version : 0;
  if (version > DOCUMENT_VERSION) {
    throw new DomainError(
      ERROR_CODES.invalidInput,
      `This mailing was made with a newer Winkelpost (document version ${version})`,
      'mailings:errors.documentTooNew',
      { version },
    );
  }
  if (version === 0) {
    const blocks = Array.isArray(doc.blocks) ? doc.blocks : [];
    doc.blocks = blocks.map((b: unknown) => {
      if (typeof b !== 'object' || b === null) return b;
      const { props, ...rest } = b as Record<string, unknown>;
      return { id: randomUUID(), ...rest, data: rest.data ?? props ?? {} };
    });
    doc.settings = doc.settings ?? {};
    doc.version = 1;
  }
  return doc;
}

/** Parses (after migrating) or throws a DomainError naming the block and the field. */
export function parseDocument(raw: unknown): MailingDocumentT {
  const result = MailingDocument.safeParse(migrate(raw));
  if (!result.success) throw documentError(raw, result.error);
  const doc = result.data;
  checkBlockIds(doc);
  checkRichTextLinks(doc);
  return doc;
}

/** A new block of a type with all its defaults. */
export function newBlock(type: BlockType, id: string = randomUUID()): BlockT {
  return MailingDocument.shape.blocks.parse([{ id, type }])[0] as BlockT;
}

export function emptyDocument(): MailingDocumentT {
  return MailingDocument.parse({ version: DOCUMENT_VERSION });
}

function blockIssue(doc: unknown, index: number, field: string, message: string, key?: string) {
  const blocks = (doc as { blocks?: unknown[] } | null)?.blocks;
  const block = Array.isArray(blocks)
    ? (blocks[index] as { type?: unknown } | undefined)
    : undefined;
  const blockType = typeof block?.type === 'string' ? block.type : '?';
  return new DomainError(
    ERROR_CODES.invalidInput,
    `Block ${index + 1} (${blockType}): ${field === '' ? 'invalid block' : `field "${field}"`}: ${message}`,
    'mailings:errors.invalidBlock',
    { block: index + 1, blockType, field, reason: key ?? message },
    [
      {
        field: `document.blocks.${index}${field === '' ? '' : `.data.${field}`}`,
        message,
        ...(key ? { key } : {}),
      },
    ],
  );
}

function documentError(raw: unknown, error: z.ZodError): DomainError {
  const issue = error.issues[0];
  const path = issue?.path.map(String) ?? [];
  const key = issue?.message.includes(':errors.') ? issue.message : undefined;
  const message = key ? 'invalid value' : (issue?.message ?? 'invalid');
  if (path[0] === 'blocks' && path[1] !== undefined) {
    const index = Number(path[1]);
    if (path[2] === 'type') {
      return blockIssue(
        raw,
        index,
        '',
        `unknown block type (known: ${BLOCK_TYPES.join(', ')})`,
        'mailings:errors.blockType',
      );
    }
    const field = path[2] === 'data' ? path.slice(3).join('.') : path.slice(2).join('.');
    return blockIssue(raw, index, field, message, key);
  }
  const issues: FieldIssue[] = error.issues.map((i) => ({
    field: ['document', ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  return new DomainError(
    ERROR_CODES.invalidInput,
    `The mailing's layout is invalid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    'mailings:errors.invalidDocument',
    { field: issues[0]?.field ?? 'document' },
    issues,
  );
}

function checkBlockIds(doc: MailingDocumentT): void {
  const seen = new Set<string>();
  doc.blocks.forEach((block, index) => {
    if (seen.has(block.id))
      throw blockIssue(
        doc,
        index,
        '',
        `duplicate block id ${block.id}`,
        'mailings:errors.duplicateBlockId',
      );
    seen.add(block.id);
  });
}

function richTexts(block: BlockT): { field: string; state: RichTextT }[] {
  switch (block.type) {
    case 'text':
      return [{ field: 'content', state: block.data.content }];
    case 'imageText':
      return [{ field: 'content', state: block.data.content }];
    case 'twoColumns':
      return [
        { field: 'left.content', state: block.data.left.content },
        { field: 'right.content', state: block.data.right.content },
      ];
    default:
      return [];
  }
}

/** Links typed in the editor: only http(s) and mailto reach a customer's mailbox. */
function checkRichTextLinks(doc: MailingDocumentT): void {
  doc.blocks.forEach((block, index) => {
    for (const { field, state } of richTexts(block)) {
      for (const url of richTextLinks(state)) {
        if (!isAllowedLink(url.replace(/\[\[[^\]]*\]\]/g, 'x'))) {
          throw blockIssue(
            doc,
            index,
            field,
            `link "${url.slice(0, 80)}" is not http(s) or mailto`,
            'mailings:errors.linkScheme',
          );
        }
      }
    }
  });
}
