import type { z } from 'zod';
import type { BlockDataOf, BlockType } from '../../../contract/mailingDocument';
import type { CompileContext } from '../context';

/**
 * One module per block type (DESIGN.md: registries instead of switches): its data schema with
 * defaults (declared in the contract), its MJML and its plain text. Both renderers register
 * slots through the context, so variables, links and images behave the same in every block.
 */
export interface BlockModule<T extends BlockType> {
  type: T;
  schema: z.ZodType<BlockDataOf<T>>;
  /** One or more <mj-section> (or <mj-wrapper>) elements. */
  toMjml(data: BlockDataOf<T>, ctx: CompileContext): string;
  /** Plain text for the text part; '' when the block shows nothing in text. */
  toText(data: BlockDataOf<T>, ctx: CompileContext): string;
}
